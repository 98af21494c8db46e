extension Sheet {
    /// A sheet made from rows of text, as a CSV file holds them: a field that is a plain number
    /// (`12000`, `-3.5`, `1e3`) becomes a number as a spreadsheet would show it, every other
    /// non-empty field a string (`3.3万人`, `85%` and dates are left as text for the caller to
    /// read). Empty fields are no cells.
    ///
    /// ```swift
    /// let sheet = Sheet(name: "进度", textRows: [["项目", "目标"], ["改厕", "1200"]])
    /// sheet.cell("B2")?.value   // .number(1200)
    /// ```
    public init(name: String, textRows: [[String]]) {
        var stored: [StoredCell] = []
        var texts: [String] = []
        for (row, fields) in textRows.enumerated() where row < CellReference.maxRows {
            for (column, field) in fields.enumerated() where column < CellReference.maxColumns && !field.isEmpty {
                var cell = StoredCell(payload: 0, row: UInt32(row), style: 0, column: UInt16(column), kind: .string, hasFormula: false)
                if let number = TextSheetNumber.parse(field) {
                    cell.kind = .number
                    cell.payload = number.bitPattern
                } else {
                    cell.payload = UInt64(texts.count)
                    texts.append(field)
                }
                stored.append(cell)
            }
        }
        self.init(
            name: name, state: .visible, mergedRanges: [],
            parts: WorkbookParts(sharedStrings: [], cellFormats: [], uses1904Dates: false),
            stored: stored, texts: texts, formulas: [:])
    }
}

/// The plain numbers of a text field: optional sign, digits, one decimal point, an exponent.
enum TextSheetNumber {
    static func parse(_ field: String) -> Double? {
        let bytes = Array(field.utf8)
        guard !bytes.isEmpty, bytes.count < 40 else { return nil }
        var index = 0
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0
        var point = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") && !point {
                point = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) { index += 1 }
            let start = index
            while index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start else { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(field)
    }
}
