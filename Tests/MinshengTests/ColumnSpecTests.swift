import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader
import XLSXWriter

/// The column specs (`SheetColumns`): every sheet we write is laid out from its spec, and the
/// template's reader reads back through the same spec what its writer wrote.
struct ColumnSpecTests {
    /// An item of an in-memory plan or progress table.
    static func item(
        _ project: String, _ indicator: String, unit: String = "人", target: ProgressItem.Figure?, completed: Decimal? = nil,
        areas: [(String, Decimal, Decimal?)] = []
    ) -> ProgressItem {
        var item = ProgressItem()
        item.project = project
        item.indicator = indicator
        item.unit = unit
        item.target = target
        item.completed = completed.map { .number($0) }
        for (area, target, completed) in areas {
            item.areaOrder.append(area)
            item.areas[area] = ProgressItem.AreaFigures(target: target, completed: completed)
        }
        item.sources = ["test.xlsx!E\(3 + Int(truncating: (target?.number ?? 0) as NSNumber) % 7)"]
        return item
    }

    /// The zero-based column of each header text on a row.
    static func columnsByHeader(_ sheet: Sheet, row: Int) -> [String: Int] {
        var columns: [String: Int] = [:]
        for cell in sheet.rows.first(where: { $0.index == row })?.cells ?? [] {
            if let text = cell.string { columns[text] = cell.reference.column }
        }
        return columns
    }

    // MARK: - SheetColumns

    @Test func namesPositionsLettersAndGroupsFromTheListAlone() {
        enum Key: Hashable, Sendable { case a, b(String), c }
        var columns: [SheetColumn<Key>] = [SheetColumn(.a, "甲", width: .fixed(6))]
        for i in 0..<30 { columns.append(SheetColumn(.b("\(i)"), "乙\(i)", group: "组\(i / 3)", width: .fixed(10))) }
        columns.append(SheetColumn(.c, "丙", width: .fitting(minimum: 4, maximum: 9)))
        let spec = SheetColumns(columns)
        #expect(spec.count == 32)
        #expect(spec.index(.c) == 31)
        #expect(spec.letter(.c) == "AF")
        #expect(spec.cell(.a, row: 2) == "A3")
        #expect(spec.key(at: 31) == .c && spec.key(at: 32) == nil)
        #expect(spec.groups.count == 12)
        #expect(spec.groups[1].label == "组0" && spec.groups[1].columns == 1...3)
        // A fitting width counts a CJK character two, plus a margin of two, within its bounds.
        #expect(spec.widths { $0 == .c ? ["城镇"] : [] }.last == 6)
        #expect(spec.widths { $0 == .c ? ["城镇新增就业岗位"] : [] }.last == 9)
    }

    // MARK: - 进度汇总 and 分县区

    static let progressItems: [ProgressItem] = [
        item("促进就业", "城镇新增就业", target: .number(8300), completed: 7470, areas: [("涡阳县", 5000, 4500), ("蒙城县", 3300, 2970)]),
        item("老年助餐", "新增助餐点", unit: "个", target: .text("不少于30个"), completed: 12),
        item("残疾儿童康复", "康复训练救助", target: .number(550), completed: 600, areas: [("涡阳县", 300, 320), ("蒙城县", 250, 280)]),
        item("法律援助", "办理法律援助案件", unit: "件", target: .number(1200), completed: 0, areas: [("蒙城县", 1200, nil)]),
    ]

    func writeProgress() throws -> String {
        let output = try ZipPart.temporaryPath("进度.xlsx")
        let content = ProgressWorkbookContent(
            title: "测试", asOf: AsOfDate("2023-10-31"), items: Self.progressItems, findings: [], files: [])
        try ProgressWorkbook.write(content, to: output)
        return output
    }

    @Test func theRateOfEachRowIsThatRowsCompletedOverItsTarget() throws {
        let output = try writeProgress()
        var options = ReadOptions()
        options.keepFormulas = true
        let summary = try Workbook(path: output, options: options).sheet(named: ProgressSheet.name)
        let header = Self.columnsByHeader(summary, row: ProgressSheet.headerRow)
        #expect(ProgressSheet.columns.headers.enumerated().allSatisfy { header[$0.element] == $0.offset })
        let (rate, completed, target) = try (#require(header["完成率"]), #require(header["完成数"]), #require(header["年度目标"]))
        var checked = 0
        for row in summary.rows where row.index >= ProgressSheet.firstRow {
            let cell = row.cells.first { $0.reference.column == rate }
            guard let formula = cell?.formula else { continue }
            let n = row.index + 1
            #expect(formula == "IFERROR(\(A1.column(completed))\(n)/\(A1.column(target))\(n),\"\")")
            checked += 1
        }
        #expect(checked == 3, "a rate for every numeric target, none for the text one")
        // The conditional formats compare 完成率 with 序时进度 of the first item row.
        let schedule = try #require(header["序时进度"])
        // 进度汇总 is the second sheet, after 总览.
        let xml = try ZipPart.text("xl/worksheets/sheet2.xml", in: output)
        let first = ProgressSheet.firstRow + 1
        #expect(xml.contains("$\(A1.column(rate))\(first)&lt;$\(A1.column(schedule))\(first)"))
        #expect(xml.contains(#"<conditionalFormatting sqref="\#(A1.column(rate))\#(first):"#))
    }

    @Test func eachAreasRateIsItsCompletedOverItsTargetAndTheSumsAddItsTargets() throws {
        let output = try writeProgress()
        var options = ReadOptions()
        options.keepFormulas = true
        let areas = try Workbook(path: output, options: options).sheet(named: AreaSheet.name)
        let spec = AreaSheet.columns(areas: ["涡阳县", "蒙城县"])
        let groups = Self.columnsByHeader(areas, row: AreaSheet.groupRow)
        #expect(groups["涡阳县"] == spec.index(.target(area: "涡阳县")))
        #expect(groups["蒙城县"] == spec.index(.target(area: "蒙城县")))
        #expect(groups["合计"] == spec.index(.targetSum))
        let first = AreaSheet.firstRow
        let rate = areas.cell(at: CellReference(row: first, column: spec.index(.rate(area: "蒙城县"))))
        let completed = A1.column(try #require(groups["蒙城县"]) + 1)
        let target = A1.column(try #require(groups["蒙城县"]))
        #expect(rate?.formula == "IFERROR(\(completed)\(first + 1)/\(target)\(first + 1),\"\")")
        #expect(rate?.number == 0.9)
        let sum = areas.cell(at: CellReference(row: first, column: spec.index(.targetSum)))
        let targets = try ["涡阳县", "蒙城县"].map { "\(A1.column(try #require(groups[$0])))\(first + 1)" }
        #expect(sum?.formula == "SUM(\(targets.joined(separator: ",")))")
        #expect(sum?.number == 8300)
    }

    // MARK: - The district form

    /// A plan of two areas and two items, as a plain workbook.
    static func tinyPlan() throws -> String {
        func row(_ r: Int, _ values: [String]) -> String {
            let cells = values.enumerated().map { c, value in
                let ref = CellReference(row: r, column: c).a1
                return Double(value) != nil ? "<c r=\"\(ref)\"><v>\(value)</v></c>" : "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
            }
            return "<row r=\"\(r + 1)\">\(cells.joined())</row>"
        }
        let rows = [
            ["测试市民生实事目标任务分解表"],
            ["序号", "项目", "指标", "单位", "年度目标", "涡阳县", "蒙城县"],
            ["1", "促进就业", "城镇新增就业", "人", "8300", "5000", "3300"],
            ["2", "残疾儿童康复", "康复训练救助", "人", "550", "300", "250"],
            ["3", "法律援助", "办理法律援助案件", "件", "1200", "700", "500"],
        ]
        return try ZipBuilder.workbook(sheetData: rows.enumerated().map { row($0, $1) }.joined()).write(named: "分解表.xlsx")
    }

    /// The template with a number typed into the completion cell of a form row (1-based),
    /// as a spreadsheet saves it.
    static func typing(_ value: Int, intoRow row: Int, column: Int, of path: String) throws -> String {
        let entries = try ZipEntries.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        var builder = ZipBuilder()
        let ref = CellReference(row: row - 1, column: column).a1
        for entry in entries {
            guard entry.name == "xl/worksheets/sheet1.xml" else {
                builder.add(raw: entry)
                continue
            }
            let xml = try ZipPart.text(entry.name, in: path)
            let blank = try #require(xml.range(of: "<c r=\"\(ref)\" s=\"[0-9]+\"/>", options: .regularExpression))
            let filled = xml[blank].replacingOccurrences(of: "/>", with: "><v>\(value)</v></c>")
            builder.add(entry.name, xml.replacingCharacters(in: blank, with: filled))
        }
        return try builder.write(named: (path as NSString).lastPathComponent)
    }

    @Test func theReturnReaderReadsBackWhatTheTemplateWriterWrote() async throws {
        let splitter = try Splitter()
        let plan = try splitter.readPlan(try Self.tinyPlan())
        #expect(plan.areas == ["涡阳县", "蒙城县"])
        let path = try ZipPart.temporaryPath("蒙城县.xlsx")
        try splitter.writeTemplate(area: "蒙城县", plan: plan, period: "1-9月", to: path)
        let template = try DistrictTemplate.load()
        let spec = TemplateForm.columns(template)

        // The writer laid the form out from the spec: labels from district.json, in its order.
        var options = ReadOptions()
        options.keepFormulas = true
        let form = try Workbook(path: path, options: options).sheet(named: template.sheetName)
        let header = Self.columnsByHeader(form, row: TemplateForm.headerRow)
        for (c, column) in spec.columns.enumerated() { #expect(header[column.header] == c, "\(column.key)") }
        #expect(spec.columns.map(\.key.rawValue).prefix(8) == DistrictTemplate.columnKeys[...])
        let completedLabel = template.column("completed").label
        let targetLabel = template.column("target").label
        let second = TemplateForm.firstRow + 1
        let rate = form.cell(at: CellReference(row: second, column: try #require(header[template.column("rate").label])))
        // Blank until 完成数 is filled in, then 完成数 ÷ 年度目标.
        let completedCell = "\(A1.column(try #require(header[completedLabel])))\(second + 1)"
        #expect(
            rate?.formula
                == "IF(\(completedCell)=\"\",\"\",IFERROR(\(completedCell)/\(A1.column(try #require(header[targetLabel])))\(second + 1),\"\"))")

        // Typed into 完成数 of the second item, read back through the same spec.
        let returned = try Self.typing(240, intoRow: second + 1, column: try #require(header[completedLabel]), of: path)
        let read = try #require(try ReturnReader.readTemplate(returned))
        #expect(read.area == "蒙城县")
        #expect(read.lines.count == 3)
        let line = try #require(read.lines.first { $0.indicator == "康复训练救助" })
        #expect(line.project == "残疾儿童康复")
        #expect(line.target?.number == 250)
        #expect(line.completed?.number == 240)
        #expect(line.completed?.reference.a1 == "\(A1.column(spec.index(.completed)))\(second + 1)")
        #expect(line.key?.hasPrefix("k") == true)
        #expect(read.lines.filter { $0.completed?.number != nil }.count == 1)
    }
}
