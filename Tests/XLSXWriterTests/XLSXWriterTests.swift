import Foundation
import TestSupport
import Testing
import XLSXReader
import XLSXWriter

/// Each feature writes a file; the tests read it back with our reader and look at the XML parts.
struct XLSXWriterTests {
    static let fixedDate = Date(timeIntervalSince1970: 1_600_000_000)

    /// Writes a small progress sheet using most features, returns its path.
    func writeSample(to path: String) throws {
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(DocumentProperties(title: "进度汇总", author: "民生办", created: Self.fixedDate))
        try book.setCustomProperty("minsheng.plan", "abc123")
        let sheet = try book.addWorksheet("进度汇总")
        var headerSpec = CellFormat()
        headerSpec.bold = true
        headerSpec.fill = 0xDDEBF7
        headerSpec.border = .thin
        headerSpec.horizontal = .center
        var percentSpec = CellFormat()
        percentSpec.numberFormat = "0.00%"
        var inputSpec = CellFormat()
        inputSpec.locked = false
        let header = book.format(headerSpec)
        let percent = book.format(percentSpec)
        let input = book.format(inputSpec)
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3, "民生实事进展情况", format: header)
        for (c, text) in ["指标", "年度目标", "完成数", "完成率"].enumerated() {
            try sheet.write(text, row: 1, column: c, format: header)
        }
        try sheet.write("城镇新增就业", row: 2, column: 0)
        try sheet.write(33000, row: 2, column: 1)
        try sheet.write(32000, row: 2, column: 2, format: input)
        try sheet.writeFormula("=IFERROR(C3/B3,\"\")", row: 2, column: 3, cachedNumber: 32000.0 / 33000, format: percent)
        try sheet.write("应救尽救", row: 3, column: 0)
        try sheet.writeFormula("=IFERROR(C4/B4,\"\")", row: 3, column: 3, cachedText: "", format: percent)
        try sheet.write(true, row: 4, column: 0)
        try sheet.setColumns(0, 0, width: 20)
        sheet.freezePanes(row: 2, column: 0)
        try sheet.autofilter(firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 3)
        var red = CellFormat()
        red.fontColor = 0x9C0006
        try sheet.conditionalFormat(firstRow: 2, firstColumn: 3, lastRow: 3, lastColumn: 3, .cell(.lessThan, 0.8, red))
        try sheet.conditionalFormat(firstRow: 2, firstColumn: 3, lastRow: 3, lastColumn: 3, .formula("=$D3>=1", red))
        try sheet.conditionalFormat(firstRow: 2, firstColumn: 2, lastRow: 3, lastColumn: 2, .dataBar(0x63BE7B))
        try sheet.conditionalFormat(firstRow: 2, firstColumn: 1, lastRow: 3, lastColumn: 1, .cellFormula(.greaterThan, "$C3", red))
        try sheet.validateDecimal(
            firstRow: 2, firstColumn: 2, lastRow: 3, lastColumn: 2, atLeast: 0, inputTitle: "完成数",
            inputMessage: "请填写数字，不小于 0", errorTitle: "输入有误", errorMessage: "完成数应为不小于 0 的数字")
        try sheet.setPrintLayout(repeatRows: 0...1)
        let findings = try book.addWorksheet("校验结果")
        try findings.writeLink(to: "'进度汇总'!A3", text: "城镇新增就业", row: 0, column: 0)
        let meta = try book.addWorksheet("_meta")
        try meta.write("plan", row: 0, column: 0)
        meta.hide()
        let locked = try book.addWorksheet("模板")
        locked.protect(password: "minsheng")
        try book.defineName("目标区域", formula: "=进度汇总!$B$3:$B$4")
        try book.close()
    }

    @Test func roundTripsCellsAndCachedFormulaValuesThroughOurReader() throws {
        let path = try ZipPart.temporaryPath("roundtrip.xlsx")
        try writeSample(to: path)
        var options = ReadOptions()
        options.keepFormulas = true
        let workbook = try Workbook(path: path, options: options)
        #expect(workbook.sheets.map(\.name) == ["进度汇总", "校验结果", "_meta", "模板"])
        #expect(workbook.sheets.map(\.state) == [.visible, .visible, .hidden, .visible])
        let sheet = try workbook.sheet(named: "进度汇总")
        #expect(sheet.cell("A1")?.string == "民生实事进展情况")
        #expect(sheet.mergedRanges.map(\.description) == ["A1:D1"])
        #expect(sheet.cell("B3")?.number == 33000)
        let rate = try #require(sheet.cell("D3"))
        #expect(rate.value == .number(32000.0 / 33000))
        #expect(rate.formula == "IFERROR(C3/B3,\"\")")
        #expect(rate.format.kind == .percent(decimals: 2))
        #expect(sheet.cell("D4")?.hasFormula == true)
        #expect(sheet.cell("D4")?.value == .string(""))
        #expect(sheet.cell("A5")?.value == .bool(true))
        #expect(try workbook.sheet(named: "校验结果").cell("A1")?.string == "城镇新增就业")
    }

    @Test func writesTheSheetFeaturesIntoTheXML() throws {
        let path = try ZipPart.temporaryPath("features.xlsx")
        try writeSample(to: path)
        let sheet = try ZipPart.text("xl/worksheets/sheet1.xml", in: path)
        #expect(sheet.contains(#"<mergeCell ref="A1:D1"/>"#))
        #expect(sheet.contains(#"state="frozen""#))
        #expect(sheet.contains(#"<autoFilter ref="A2:D4"/>"#))
        #expect(sheet.contains(#"<conditionalFormatting sqref="D3:D4">"#))
        #expect(sheet.contains(#"operator="lessThan""#))
        #expect(sheet.contains("<formula>$D3&gt;=1</formula>"))
        #expect(sheet.contains(#"<cfRule type="dataBar""#) && sheet.contains(#"rgb="FF63BE7B""#))
        #expect(sheet.contains(#"operator="greaterThan""#) && sheet.contains("<formula>$C3</formula>"))
        #expect(sheet.contains(#"<dataValidation type="decimal" operator="greaterThanOrEqual""#))
        #expect(sheet.contains(#"promptTitle="完成数""#))
        #expect(sheet.contains(#"paperSize="9""#) && sheet.contains(#"orientation="landscape""#))
        #expect(sheet.contains(#"fitToHeight="0""#))
        #expect(sheet.contains("<f>IFERROR(C3/B3,\"\")</f><v>0.96969696969696"))
        let workbook = try ZipPart.text("xl/workbook.xml", in: path)
        #expect(workbook.contains("_xlnm.Print_Titles"))
        #expect(workbook.contains(#"<definedName name="目标区域">"#))
        #expect(workbook.contains(#"state="hidden""#))
        #expect(try ZipPart.text("xl/worksheets/sheet4.xml", in: path).contains("<sheetProtection"))
        #expect(try ZipPart.text("docProps/custom.xml", in: path).contains("abc123"))
        #expect(try ZipPart.text("xl/worksheets/_rels/sheet2.xml.rels", in: path).isEmpty)
        #expect(try ZipPart.text("xl/worksheets/sheet2.xml", in: path).contains(#"location="'进度汇总'!A3""#))
        let styles = try ZipPart.text("xl/styles.xml", in: path)
        #expect(styles.contains(#"formatCode="0.00%""#))
        #expect(styles.contains(#"<protection locked="0"/>"#))
    }

    @Test func writesByteIdenticalFilesForTheSameInput() throws {
        let first = try ZipPart.temporaryPath("a.xlsx")
        let second = try ZipPart.temporaryPath("b.xlsx")
        try writeSample(to: first)
        try writeSample(to: second)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a == b)
        #expect(a.count > 1000)
    }

    @Test func reportsLibxlsxwritersReasonForABadSheetName() throws {
        let book = try XLSXWorkbook(path: try ZipPart.temporaryPath("bad.xlsx"))
        _ = try book.addWorksheet("进度汇总")
        #expect(throws: XLSXWriterError.self) { _ = try book.addWorksheet("进度汇总") }
        do {
            _ = try book.addWorksheet("a/b")
            Issue.record("a sheet name with / was accepted")
        } catch {
            #expect(error.call == "workbook_add_worksheet")
            #expect(error.reason.contains("character"), "\(error.reason)")
        }
    }

    @Test func reportsAnUnwritablePath() throws {
        let book = try XLSXWorkbook(path: "/nonexistent-folder/out.xlsx")
        _ = try book.addWorksheet("Sheet1")
        #expect(throws: XLSXWriterError.self) { try book.close() }
    }

    @Test func measuresChineseTextAsDoubleWidth() {
        #expect(ColumnWidth.displayWidth(of: "城镇新增就业") == 12)
        #expect(ColumnWidth.displayWidth(of: "8300人") == 6)
        #expect(ColumnWidth.fitting(["序号", "城镇新增就业3.3万人以上"]) == 25)
        #expect(A1.cell(6, 4) == "E7")
        #expect(A1.range(0, 0, 1, 27) == "A1:AB2")
    }
}

extension XLSXWriterTests {
    /// A bar chart over a sheet's cells, page breaks, repeated columns, a date validation and the
    /// protection flags of a form people insert rows into.
    @Test func writesAChartPageBreaksADateValidationAndProtectionFlags() throws {
        let path = try ZipPart.temporaryPath("chart.xlsx")
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(DocumentProperties(created: Self.fixedDate))
        let sheet = try book.addWorksheet("总览")
        for (i, (label, count)) in [("正常", 3.0), ("滞后", 2.0)].enumerated() {
            try sheet.write(label, row: i, column: 0)
            try sheet.write(count, row: i, column: 1)
        }
        let chart = try book.addChart(.bar)
        let series = try chart.addSeries(categories: "=总览!$A$1:$A$2", values: "=总览!$B$1:$B$2")
        chart.setSeriesFill(series, color: 0x4472C4)
        chart.setSeriesLabels(series, fontSize: 10)
        chart.setTitle("状态", fontSize: 11)
        chart.setLegendPosition(.none)
        chart.setAxisFontSize(10)
        chart.reverseCategories()
        chart.setValueAxisMinimum(0)
        try sheet.insertChart(chart, row: 3, column: 2, xScale: 0.8, yScale: 0.7)
        try sheet.setHorizontalPageBreaks([20, 40])
        try sheet.setVerticalPageBreaks([6])
        try sheet.repeatColumns(0...1)
        sheet.setPrintScale(90)
        let form = try book.addWorksheet("填报表")
        try form.validateDate(
            row: 5, column: 2, from: (2020, 1, 1), to: (2099, 12, 31), inputTitle: "填报日期", inputMessage: "请填写日期",
            errorTitle: "输入有误", errorMessage: "请填写日期，如 2023-10-08")
        form.protect(password: nil, allowFormattingRows: true, allowInsertingRows: true, allowSorting: true, allowAutofilter: true)
        try book.close()

        let xml = try ZipPart.text("xl/worksheets/sheet1.xml", in: path)
        #expect(xml.contains(#"<rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/>"#))
        #expect(xml.contains(#"<colBreaks count="1" manualBreakCount="1"><brk id="6" max="1048575" man="1"/>"#))
        #expect(xml.contains(#"scale="90""#))
        #expect(xml.contains("<drawing r:id=\"rId1\"/>"))
        let chartXML = try ZipPart.text("xl/charts/chart1.xml", in: path)
        #expect(chartXML.contains("<c:barChart>") && chartXML.contains("<c:barDir val=\"bar\"/>"))
        #expect(chartXML.contains("<c:f>总览!$B$1:$B$2</c:f>"))
        // The category axis runs top to bottom; the value axis starts at 0.
        #expect(chartXML.contains("<c:catAx><c:axId val=\"50010001\"/><c:scaling><c:orientation val=\"maxMin\"/>"))
        #expect(chartXML.contains("<c:min val=\"0\"/>"))
        #expect(chartXML.contains("<c:showVal val=\"1\"/>"))
        #expect(chartXML.contains("4472C4"))
        #expect(!chartXML.contains("<c:legend>"))
        let workbook = try ZipPart.text("xl/workbook.xml", in: path)
        #expect(workbook.contains("'总览'!$A:$B"))
        let formXML = try ZipPart.text("xl/worksheets/sheet2.xml", in: path)
        #expect(formXML.contains(#"<dataValidation type="date" allowBlank="1" showInputMessage="1" showErrorMessage="1""#))
        #expect(formXML.contains("<formula1>43831</formula1><formula2>73050</formula2>"))
        #expect(formXML.contains(#"formatRows="0""#) && formXML.contains(#"insertRows="0""#) && formXML.contains(#"sort="0""#))
        #expect(formXML.contains(#"autoFilter="0""#))
    }
}
