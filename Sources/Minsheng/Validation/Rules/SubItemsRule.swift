import Foundation
import XLSXReader

/// `total-mismatch` / `completed-total-mismatch` for a line and the numbered lines under it: the
/// parts can never add up to more than the whole. A line with figures followed right away by
/// lines numbered in another way than itself (三、封山育林 over 1. 2. 3.; 乡镇级合计 over 1.镇
/// 2.乡 …; (二)民政事业费 over 1. … 5.; A城市低保 over I · II) holds at least their sum in each
/// figure column; less is allowed (其中: the parts named may be some of them). The parts are the
/// lines numbered as the first of them, up to a line numbered as the whole or as a line above
/// it (or, under a line without a number, another line without one); lines numbered otherwise
/// between them are their own parts' parts, and under a numbered line so are lines without one.
///
/// Only figures that sum are compared: the same unit, not a rate, ratio, ceiling or percentage;
/// two parts at least.
struct SubItemsRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        guard table.table.layout.areaRows == nil, table.rows.count >= 3 else { return }
        // The lines in order, headings without figures among them (一、综合 · (一)行政区划: they
        // open their numberings), each item with its checked row.
        let lines = table.bodyRows.compactMap { row, checked -> (number: OutlineNumber, item: CheckedRow?)? in
            if let checked { return (OutlineNumber.of(Self.name(of: checked)), checked) }
            // (The heading as typed, its number with it: the section's title has none.)
            if case .section = row.kind { return (OutlineNumber.of(Self.heading(row.row, in: table)), nil) }
            return nil
        }
        guard lines.contains(where: { $0.number != .none && $0.item != nil }) else { return }
        // The numberings open at each line, outermost first: a numbering seen again closes
        // those opened after it (lines without a number open none).
        var open: [OutlineNumber] = []
        for whole in lines.indices.dropLast() {
            let number = lines[whole].number
            if number != .none {
                if let level = open.firstIndex(of: number) { open.removeSubrange((level + 1)...) } else { open.append(number) }
            }
            let partNumber = lines[whole + 1].number
            guard let item = lines[whole].item, partNumber != .none, !item.values.isEmpty else { continue }
            // (A list of parts begins at its first number: (2) after a line is no list of its own.)
            guard let firstPart = lines[whole + 1].item, OutlineNumber.isFirst(Self.name(of: firstPart)) else { continue }
            // Parts are numbered anew under their whole; under a line without a number, a list
            // numbered as the one just above (城市低保支出 · (1) · (2), 农村低保支出 · (1) · (2)) is
            // a new list when it begins at its first number.
            if open.contains(partNumber) {
                guard number == .none, open.last == partNumber else { continue }
            }
            var parts: [CheckedRow] = []
            for line in lines[(whole + 1)...] {
                if line.number == partNumber, let part = line.item {
                    parts.append(part)
                } else if line.number == partNumber || (open.contains(line.number) && line.number != partNumber)
                    || (line.number == .none && number == .none)
                {
                    // (A heading, a line numbered as one above, or, under a line without a number,
                    // another such line: the parts have ended.)
                    break
                }
            }
            compare(item, with: parts, in: table, into: &findings)
        }
        checkIndented(table, into: &findings)
    }

    /// Lines without numbers indented further than the line above them (`  1.提供住宿的民政机构`
    /// over `        养老机构` · `        儿童福利和救助保护机构` …) are its parts: those indented as
    /// the first of them, up to a line indented no further than the whole.
    private func checkIndented(_ table: CheckedTable, into findings: inout FindingBuilder) {
        let rows = table.rows
        guard let column = Indentation.nameColumn(of: table.table.layout) else { return }
        let sheet = table.table.sheet
        let depths = rows.map { Indentation.of(row: $0.row.row, column: column, in: sheet) }
        guard depths.contains(where: { ($0 ?? 0) > 0 }) else { return }
        for whole in rows.indices.dropLast() {
            guard let depth = depths[whole], let partDepth = depths[whole + 1], partDepth > depth, !rows[whole].values.isEmpty,
                OutlineNumber.of(Self.name(of: rows[whole + 1])) == .none
            else { continue }
            var parts: [CheckedRow] = []
            for index in (whole + 1)..<rows.count {
                guard let d = depths[index], d > depth else { break }
                if d == partDepth { parts.append(rows[index]) }
            }
            compare(rows[whole], with: parts, in: table, into: &findings)
        }
    }

    /// The beginning of a heading row's text as typed, normalized: its first text in the
    /// columns of the items' numbers and names, or in the first column.
    static func heading(_ row: Int, in table: CheckedTable) -> String {
        let layout = table.table.layout
        let columns = [HeaderRole.sequence, .category, .project, .indicator].compactMap { layout.column($0)?.column } + [0]
        for column in columns {
            guard let cell = table.table.sheet.cell(at: CellReference(row: row, column: column)), case .string(let text) = cell.value,
                !HeaderText.isBlank(text)
            else { continue }
            return HeaderText.normalize(String(text.prefix(12)))
        }
        return ""
    }

    /// The text an item is numbered in: its 序号, or the beginning of its name.
    static func name(of row: CheckedRow) -> String {
        // (The two parts joined by a space, as `[a, b].compactMap { $0 }.joined(separator: " ")`
        // does, without the array; a label of at most 12 scalars is its own 12-character prefix.)
        let label: String
        switch (row.row.sequence, row.row.project ?? row.row.indicator) {
        case (let sequence?, let name?): label = sequence + " " + name
        case (let sequence?, nil): label = sequence
        case (nil, let name?): label = name
        case (nil, nil): label = ""
        }
        var scalars = 0
        for _ in label.unicodeScalars {
            scalars += 1
            if scalars > 12 { break }
        }
        return HeaderText.normalize(scalars <= 12 ? label : String(label.prefix(12)))
    }

    /// 一、 二、 … 十、 or （一）: a heading's number.
    static func isHeadingNumbered(_ text: String) -> Bool {
        // Most names (`1城镇新增就业`) are told from their first scalar, without walking
        // characters: a heading's number opens with a bracket or a numeral (or a compatibility
        // ideograph, which may be one).
        if let first = text.unicodeScalars.first {
            switch first.value {
            case 0x28, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0xF900...0xFAFF,
                0x2F800...0x2FA1F:
                break
            default: return false
            }
        }
        return isHeadingNumberedByCharacters(text)
    }

    /// `isHeadingNumbered` read character by character (what the first-scalar test shortens).
    static func isHeadingNumberedByCharacters(_ text: String) -> Bool {
        let numerals = "一二三四五六七八九十"
        var rest = Substring(text)
        if rest.hasPrefix("(") {
            rest = rest.dropFirst()
            let digits = rest.prefix { numerals.contains($0) }
            return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(")")
        }
        let digits = rest.prefix { numerals.contains($0) }
        return !digits.isEmpty && rest.dropFirst(digits.count).first.map { "、.．".contains($0) } == true
    }

    /// 1. 2、 or （1）: a part's number.
    static func isPartNumbered(_ text: String) -> Bool {
        // A part's number opens with `(` or an ASCII digit, characters no other is equal to.
        guard let first = text.unicodeScalars.first, first == "(" || ("0"..."9").contains(first) else { return false }
        return isPartNumberedByScalars(text) ?? isPartNumberedByCharacters(text)
    }

    /// `isPartNumbered` read scalar by scalar where each scalar it looks at is a character of
    /// its own: printable ASCII, a unified ideograph, 、 or ．, followed by another such scalar
    /// or by the end (between two of them a character always ends, and none is equal to any other
    /// character). Nil where it cannot tell so: the characters' reading decides.
    static func isPartNumberedByScalars(_ text: String) -> Bool? {
        func simple(_ s: Unicode.Scalar) -> Bool {
            (0x20...0x7E).contains(s.value) || (0x4E00...0x9FFF).contains(s.value) || s.value == 0x3001 || s.value == 0xFF0E
        }
        // The leading simple scalars (at most 24), and whether the text goes on after them.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(24)
        var more = false
        for scalar in text.unicodeScalars {
            guard simple(scalar), scalars.count < 24 else {
                more = true
                break
            }
            scalars.append(scalar)
        }
        // The character at `i` as its scalar (.some(nil): the text has ended), nil when unsure.
        func at(_ i: Int) -> Unicode.Scalar?? {
            if i + 1 < scalars.count { return .some(scalars[i]) }
            if more { return nil }
            return i < scalars.count ? .some(scalars[i]) : .some(nil)
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        guard let first = at(0) else { return nil }
        let open = first == "("
        var i = open ? 1 : 0
        var digits = 0
        while true {
            guard let c = at(i) else { return nil }
            guard let c, isDigit(c) else { break }
            digits += 1
            i += 1
        }
        guard digits > 0 else { return false }
        guard let next = at(i) else { return nil }
        guard let next else { return false }
        if open { return next == ")" }
        guard next == "、" || next == "." || next == "．" else { return false }
        guard let after = at(i + 1) else { return nil }
        guard let after else { return false }
        return !isDigit(after)
    }

    /// `isPartNumbered` read character by character (what the scalars' reading shortens).
    static func isPartNumberedByCharacters(_ text: String) -> Bool {
        var rest = Substring(text)
        let open = rest.hasPrefix("(")
        if open { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let next = rest.dropFirst(digits.count).first else { return false }
        return open ? next == ")" : "、.．".contains(next) && rest.dropFirst(digits.count + 1).first.map { !($0.isASCII && $0.isNumber) } ?? false
    }

    private func compare(_ whole: CheckedRow, with parts: [CheckedRow], in table: CheckedTable, into findings: inout FindingBuilder) {
        guard parts.count >= 2, whole.row.indicatorKind.isAdditive else { return }
        for (key, read) in whole.values where key.measure != .rate {
            guard case .quantity(let total) = read.quantity, !total.isPercent else { continue }
            var sum = Decimal(0)
            var counted = 0
            var printed: [ReadValue] = [read]
            for part in parts {
                guard case .quantity(let q)? = part.values[key]?.quantity else { continue }
                guard !q.isPercent, part.row.indicatorKind.isAdditive, q.unit == total.unit,
                    HeaderText.normalize(part.row.unit ?? "") == HeaderText.normalize(whole.row.unit ?? "")
                else { return }
                sum += q.value
                counted += 1
                if let value = part.values[key] { printed.append(value) }
            }
            guard counted >= 2, !Quantity.equal(sum, total.value), !AreaShares.withinRounding(sum, total.value, of: printed) else { continue }
            let header = HeaderText.normalize(table.column(for: key)?.header ?? CheckedRow.label(key))
            let label = whole.row.project ?? whole.row.indicator ?? ""
            let message: FindingMessage
            if sum > total.value {
                message = .partsExceedWhole(measure: key.measure, whole: label, header: header, total: total.value, sum: sum, count: counted)
            } else if (total.value - sum) * 10 < total.value {
                // Parts just short of their whole are a slip; far short, lines left unlisted (其中).
                message = .partsShortOfWhole(measure: key.measure, whole: label, header: header, total: total.value, sum: sum, count: counted)
            } else {
                continue
            }
            findings.add(message, cell: read.cell.reference.a1, row: whole.row.row + 1, item: label, area: key.area, expected: sum, actual: total.value)
        }
    }
}
