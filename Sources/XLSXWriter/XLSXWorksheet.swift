import CXLSXWriter

/// One worksheet being written. Rows and columns are zero-based, as in libxlsxwriter.
///
/// ```swift
/// try sheet.write("年度目标", row: 0, column: 5, format: header)
/// try sheet.write(33000, row: 1, column: 5)
/// try sheet.writeFormula("=IFERROR(G2/F2,\"\")", row: 1, column: 7, cachedNumber: 0.98)
/// try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 11, "标题", format: title)
/// ```
public final class XLSXWorksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    /// The tab name.
    public let name: String
    unowned let workbook: XLSXWorkbook

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: XLSXWorkbook) {
        self.handle = handle
        self.name = name
        self.workbook = workbook
    }

    private func at(_ row: Int, _ column: Int) -> String { "\(name)!\(A1.cell(row, column))" }

    // MARK: - Cells

    /// `worksheet_write_string`.
    public func write(_ text: String, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXWriterError) {
        let code = worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), text, format?.handle)
        try XLSXWriterError.check(code, "worksheet_write_string", at(row, column))
    }

    /// `worksheet_write_number`.
    public func write(_ number: Double, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXWriterError) {
        let code = worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format?.handle)
        try XLSXWriterError.check(code, "worksheet_write_number", at(row, column))
    }

    /// `worksheet_write_boolean`.
    public func write(_ value: Bool, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXWriterError) {
        let code = worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, format?.handle)
        try XLSXWriterError.check(code, "worksheet_write_boolean", at(row, column))
    }

    /// `worksheet_write_formula_num`: a formula with its cached numeric result, so readers that do
    /// not calculate (and people opening the file read-only) see the value.
    public func writeFormula(
        _ formula: String, row: Int, column: Int, cachedNumber: Double, format: XLSXFormat? = nil
    ) throws(XLSXWriterError) {
        let code = worksheet_write_formula_num(
            handle, lxw_row_t(row), lxw_col_t(column), formula, format?.handle, cachedNumber)
        try XLSXWriterError.check(code, "worksheet_write_formula_num", at(row, column))
    }

    /// `worksheet_write_formula_str`: a formula with its cached text result (`""` for a blank).
    public func writeFormula(
        _ formula: String, row: Int, column: Int, cachedText: String, format: XLSXFormat? = nil
    ) throws(XLSXWriterError) {
        let code = worksheet_write_formula_str(
            handle, lxw_row_t(row), lxw_col_t(column), formula, format?.handle, cachedText)
        try XLSXWriterError.check(code, "worksheet_write_formula_str", at(row, column))
    }

    /// `worksheet_write_blank`: a formatted empty cell.
    public func writeBlank(row: Int, column: Int, format: XLSXFormat?) throws(XLSXWriterError) {
        let code = worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format?.handle)
        try XLSXWriterError.check(code, "worksheet_write_blank", at(row, column))
    }

    /// `worksheet_write_url` with `internal:'Sheet'!A1`: a link to a cell of this workbook.
    public func writeLink(
        to target: String, text: String, row: Int, column: Int, format: CellFormat = CellFormat()
    ) throws(XLSXWriterError) {
        var linkSpec = format
        linkSpec.hyperlink = true
        let linkFormat = workbook.format(linkSpec)
        let code = worksheet_write_url(handle, lxw_row_t(row), lxw_col_t(column), "internal:" + target, linkFormat.handle)
        try XLSXWriterError.check(code, "worksheet_write_url", at(row, column))
        try write(text, row: row, column: column, format: linkFormat)
    }

    /// `worksheet_merge_range`: merges and writes the text in the top-left cell.
    public func mergeRange(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, _ text: String, format: XLSXFormat? = nil
    ) throws(XLSXWriterError) {
        let code = worksheet_merge_range(
            handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), text,
            format?.handle)
        try XLSXWriterError.check(code, "worksheet_merge_range", "\(name)!\(A1.range(firstRow, firstColumn, lastRow, lastColumn))")
    }

    // MARK: - Rows and columns

    /// `worksheet_set_column_opt`: width in character units, optional format, hidden.
    public func setColumns(
        _ first: Int, _ last: Int, width: Double, format: XLSXFormat? = nil, hidden: Bool = false
    ) throws(XLSXWriterError) {
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        let code = worksheet_set_column_opt(handle, lxw_col_t(first), lxw_col_t(last), width, format?.handle, &options)
        try XLSXWriterError.check(code, "worksheet_set_column_opt", "\(name)!\(A1.column(first)):\(A1.column(last))")
    }

    /// `worksheet_set_row_opt`: height in points, optional format, hidden.
    public func setRow(_ row: Int, height: Double, format: XLSXFormat? = nil, hidden: Bool = false) throws(XLSXWriterError) {
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        let code = worksheet_set_row_opt(handle, lxw_row_t(row), height, format?.handle, &options)
        try XLSXWriterError.check(code, "worksheet_set_row_opt", "\(name)!\(row + 1)")
    }

    /// `worksheet_freeze_panes`: rows above and columns left of the cell stay in view.
    public func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    /// `worksheet_autofilter`.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XLSXWriterError) {
        let code = worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn))
        try XLSXWriterError.check(code, "worksheet_autofilter", "\(name)!\(A1.range(firstRow, firstColumn, lastRow, lastColumn))")
    }

    // MARK: - Conditional formats and validation

    /// `worksheet_conditional_format_range`.
    public func conditionalFormat(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, _ rule: ConditionalRule
    ) throws(XLSXWriterError) {
        var condition = lxw_conditional_format()
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        switch rule {
        case .cell(let criteria, let value, let format):
            condition.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            condition.criteria = criteria.raw
            condition.value = value
            condition.format = workbook.format(format).handle
        case .cellFormula(let criteria, let formula, let format):
            condition.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            condition.criteria = criteria.raw
            if let copy = strdup(formula) {
                owned.append(copy)
                condition.value_string = copy
            }
            condition.format = workbook.format(format).handle
        case .formula(let formula, let format):
            condition.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            if let copy = strdup(formula) {
                owned.append(copy)
                condition.value_string = copy
            }
            condition.format = workbook.format(format).handle
        case .dataBar(let color):
            condition.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
            condition.bar_color = lxw_color_t(color)
        }
        let code = worksheet_conditional_format_range(
            handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), &condition)
        try XLSXWriterError.check(
            code, "worksheet_conditional_format_range", "\(name)!\(A1.range(firstRow, firstColumn, lastRow, lastColumn))")
    }

    /// `worksheet_data_validation_range`: a decimal at least `minimum`, with an input message.
    public func validateDecimal(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, atLeast minimum: Double,
        inputTitle: String, inputMessage: String, errorTitle: String, errorMessage: String
    ) throws(XLSXWriterError) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
        validation.value_number = minimum
        let code = Self.withMessages(&validation, inputTitle, inputMessage, errorTitle, errorMessage) { validation in
            worksheet_data_validation_range(
                handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), &validation)
        }
        try XLSXWriterError.check(
            code, "worksheet_data_validation_range", "\(name)!\(A1.range(firstRow, firstColumn, lastRow, lastColumn))")
    }

    // MARK: - Sheet settings

    /// `worksheet_protect`: locked cells cannot be edited; unlocked ones (format `locked: false`) can.
    /// The flags open what people may still do on the protected sheet.
    public func protect(
        password: String?, allowFormattingColumns: Bool = true, allowFormattingRows: Bool = false,
        allowInsertingRows: Bool = false, allowSorting: Bool = false, allowAutofilter: Bool = false
    ) {
        var options = lxw_protection()
        options.format_columns = allowFormattingColumns ? 1 : 0
        options.format_rows = allowFormattingRows ? 1 : 0
        options.insert_rows = allowInsertingRows ? 1 : 0
        options.sort = allowSorting ? 1 : 0
        options.autofilter = allowAutofilter ? 1 : 0
        if let password {
            worksheet_protect(handle, password, &options)
        } else {
            worksheet_protect(handle, nil, &options)
        }
    }

    /// `worksheet_data_validation_cell` with `LXW_VALIDATION_TYPE_DATE`: a date between two days
    /// (year, month, day), with an input message.
    public func validateDate(
        row: Int, column: Int, from first: (Int, Int, Int), to last: (Int, Int, Int), inputTitle: String,
        inputMessage: String, errorTitle: String, errorMessage: String
    ) throws(XLSXWriterError) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        validation.minimum_datetime = lxw_datetime(year: Int32(first.0), month: Int32(first.1), day: Int32(first.2), hour: 0, min: 0, sec: 0)
        validation.maximum_datetime = lxw_datetime(year: Int32(last.0), month: Int32(last.1), day: Int32(last.2), hour: 0, min: 0, sec: 0)
        let code = Self.withMessages(&validation, inputTitle, inputMessage, errorTitle, errorMessage) { validation in
            worksheet_data_validation_cell(handle, lxw_row_t(row), lxw_col_t(column), &validation)
        }
        try XLSXWriterError.check(code, "worksheet_data_validation_cell", at(row, column))
    }

    /// Calls `body` with the validation's input and error messages set to C copies of the texts,
    /// freed afterwards (libxlsxwriter copies them during the call).
    private static func withMessages(
        _ validation: inout lxw_data_validation, _ inputTitle: String, _ inputMessage: String, _ errorTitle: String,
        _ errorMessage: String, _ body: (inout lxw_data_validation) -> lxw_error
    ) -> lxw_error {
        let texts: [String] = [inputTitle, inputMessage, errorTitle, errorMessage]
        let copies = texts.map { text in strdup(text) }
        defer { copies.forEach { free($0) } }
        validation.input_title = copies[0]
        validation.input_message = copies[1]
        validation.error_title = copies[2]
        validation.error_message = copies[3]
        return body(&validation)
    }

    /// `worksheet_set_h_pagebreaks`: a page starts at each of these zero-based rows.
    public func setHorizontalPageBreaks(_ rows: [Int]) throws(XLSXWriterError) {
        guard !rows.isEmpty else { return }
        var breaks = rows.map { lxw_row_t($0) } + [0]
        let code = worksheet_set_h_pagebreaks(handle, &breaks)
        try XLSXWriterError.check(code, "worksheet_set_h_pagebreaks", name)
    }

    /// `worksheet_set_v_pagebreaks`: a page starts at each of these zero-based columns.
    public func setVerticalPageBreaks(_ columns: [Int]) throws(XLSXWriterError) {
        guard !columns.isEmpty else { return }
        var breaks = columns.map { lxw_col_t($0) } + [0]
        let code = worksheet_set_v_pagebreaks(handle, &breaks)
        try XLSXWriterError.check(code, "worksheet_set_v_pagebreaks", name)
    }

    /// `worksheet_repeat_columns`: these columns are printed on every page.
    public func repeatColumns(_ columns: ClosedRange<Int>) throws(XLSXWriterError) {
        let code = worksheet_repeat_columns(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound))
        try XLSXWriterError.check(code, "worksheet_repeat_columns", name)
    }

    /// `worksheet_set_print_scale`: printed at this percentage (10–400).
    public func setPrintScale(_ percent: Int) {
        worksheet_set_print_scale(handle, UInt16(max(10, min(400, percent))))
    }

    /// `worksheet_hide`.
    public func hide() { worksheet_hide(handle) }

    /// `worksheet_activate`: the sheet shown when the file opens.
    public func activate() { worksheet_activate(handle) }

    /// `worksheet_set_tab_color`.
    public func setTabColor(_ rgb: UInt32) { worksheet_set_tab_color(handle, lxw_color_t(rgb)) }

    /// Print setup: A4 landscape, fit to one page wide, margins in inches, centered, with header
    /// rows repeated on every page and a page-number footer.
    /// `fitToPage` fits the whole sheet on one page (an overview); `fitToWidth` one page wide.
    public func setPrintLayout(
        landscape: Bool = true, fitToWidth: Bool = true, fitToPage: Bool = false, repeatRows: ClosedRange<Int>? = nil,
        footer: String? = "&C第 &P 页，共 &N 页"
    ) throws(XLSXWriterError) {
        if landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_set_paper(handle, 9)  // A4
        if fitToPage { worksheet_fit_to_pages(handle, 1, 1) } else if fitToWidth { worksheet_fit_to_pages(handle, 1, 0) }
        worksheet_set_margins(handle, 0.4, 0.4, 0.6, 0.6)
        worksheet_center_horizontally(handle)
        if let repeatRows {
            let code = worksheet_repeat_rows(handle, lxw_row_t(repeatRows.lowerBound), lxw_row_t(repeatRows.upperBound))
            try XLSXWriterError.check(code, "worksheet_repeat_rows", name)
        }
        if let footer { try XLSXWriterError.check(worksheet_set_footer(handle, footer), "worksheet_set_footer", name) }
    }
}

/// A conditional format rule.
public enum ConditionalRule: Sendable {
    /// Compares the cell with a number.
    case cell(ConditionalCriteria, Double, CellFormat)
    /// Compares the cell with a formula (`$I2`).
    case cellFormula(ConditionalCriteria, String, CellFormat)
    /// A formula that is true for the cells to format (`=AND($H2<>"",$H2<$I2)`).
    case formula(String, CellFormat)
    /// A data bar in this colour (RGB).
    case dataBar(UInt32)
}

/// How a cell rule compares.
public enum ConditionalCriteria: Sendable {
    case equal, notEqual, greaterThan, lessThan, greaterThanOrEqual, lessThanOrEqual

    var raw: UInt8 {
        switch self {
        case .equal: return UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        case .notEqual: return UInt8(LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO.rawValue)
        case .greaterThan: return UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN.rawValue)
        case .lessThan: return UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
        case .greaterThanOrEqual: return UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
        case .lessThanOrEqual: return UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
        }
    }
}
