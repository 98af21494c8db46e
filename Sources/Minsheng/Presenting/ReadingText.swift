/// A table's reading in words (one line, or all of it for `--explain`), as JSON
/// (`files[].reading`), and as the layout file that reproduces it (`--save-layout`).
public enum ReadingText {
    /// The Chinese name of a role as a layout file writes it (`completed@涡阳县` → 涡阳县完成数).
    static func roleName(_ role: String) -> String {
        let parts = role.split(separator: "@", maxSplits: 1).map(String.init)
        let head = parts.first ?? role
        let name: String
        switch head {
        case "target": name = "目标"
        case "completed": name = "完成数"
        case "rate": name = "完成率"
        case "sequence": name = "序号"
        case "category": name = "类别"
        case "project": name = "项目"
        case "indicator": name = "指标"
        case "unit": name = "单位"
        case "schedule": name = "序时进度"
        case "progressText": name = "进展情况"
        case "lead": name = "责任单位"
        case "note": name = "备注"
        case "areaName": name = "县区名"
        case "breakdown": name = "分解情况"
        default: name = head
        }
        guard parts.count == 2 else { return name }
        return (parts[1] == "total" ? "合计" : parts[1]) + name
    }

    /// `5-12、14、16-30`.
    static func ranges(_ rows: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var previous: Int?
        func close() {
            guard let s = start, let p = previous else { return }
            parts.append(s == p ? "\(s)" : "\(s)-\(p)")
        }
        for row in rows.sorted() {
            if let p = previous, row == p + 1 {
                previous = row
                continue
            }
            close()
            start = row
            previous = row
        }
        close()
        return parts.joined(separator: "、")
    }

    private static func headerText(_ reading: TableReading) -> String {
        let rows = reading.headerRows
        return rows.lowerBound == rows.upperBound ? "表头第\(rows.lowerBound)行" : "表头第\(rows.lowerBound)-\(rows.upperBound)行"
    }

    private static func areasText(_ reading: TableReading, limit: Int) -> String {
        let shown = reading.areas.prefix(limit).joined(separator: "、")
        return reading.areas.count > limit ? "\(shown)等 \(reading.areas.count) 个" : shown
    }

    /// One line: `读法：` and the `description` of the reading.
    static func line(_ reading: TableReading) -> String {
        "读法：" + description(reading)
    }

    /// The header rows, the key columns' roles, where the areas and the total are, the item rows,
    /// and what the figures said (what a `doubtful-reading` finding names).
    static func description(_ reading: TableReading) -> String {
        var parts = [headerText(reading)]
        switch reading.orientation {
        case .areasInRows:
            let kind = reading.oneColumnPerIndicator ? "每个指标一列" : "每个指标一组列"
            var text = "县区在行（\(reading.areaColumn ?? "?") 列：\(areasText(reading, limit: 3))）"
            if let total = reading.total { text += "，合计行 \(total.label)（\(total.place)）" }
            parts.append(text)
            let groups = reading.columns.filter { $0.indicator != nil }
            let measures = Array(NSOrderedSetLike(groups.map { roleName($0.role) }))
            parts.append("\(kind)（\(measures.joined(separator: "/"))），共 \(reading.itemRows.count) 项")
        case .areasInColumns, .areaRowsPerItem, .noAreas:
            let plain = reading.columns.filter { !$0.role.contains("@") }
            parts.append(plain.map { "\($0.letter) \(roleName($0.role))" }.joined(separator: " · "))
            if reading.orientation == .areasInColumns {
                var text = "县区在列（\(areasText(reading, limit: 3))）"
                if let total = reading.total { text += "，合计列 \(total.place)" }
                parts.append(text)
            } else if reading.orientation == .areaRowsPerItem {
                var text = "每项按县区分行（\(areasText(reading, limit: 3))）"
                if let total = reading.total { text += "，合计为“\(total.label)”行" }
                parts.append(text)
            }
            parts.append(itemRowsText(reading.itemRows))
        }
        if let choice = reading.choice {
            if choice.given { parts.append("按版式文件读取") }
            if !choice.changedColumns.isEmpty {
                let changed = choice.changedColumns.map { "\(TableReading.letter($0.column)) “\($0.header)”按数字读作\(measureName($0.chosen))" }
                parts.append(changed.joined(separator: "，"))
            }
            let a = choice.agreement
            if a.checks > 0 { parts.append("可核对 \(a.checks) 处，相符 \(a.agreements) 处") }
        }
        return parts.joined(separator: "；")
    }

    /// `第5-30行共 25 项`, or with many gaps `第4-81行中 59 项` (`--explain` lists them all).
    private static func itemRowsText(_ rows: [Int]) -> String {
        guard let first = rows.min(), let last = rows.max() else { return "没有读到项目" }
        let text = ranges(rows)
        if text.split(separator: "、").count <= 3 { return "第\(text)行共 \(rows.count) 项" }
        return "第\(first)-\(last)行中 \(rows.count) 项"
    }

    private static func measureName(_ measure: Measure) -> String { roleName(measure.rawValue) }

    /// Everything: every column, every area, every item row, and how the reading was chosen.
    static func explanation(_ reading: TableReading) -> String {
        var lines = ["工作表 \(reading.sheet)：\(headerText(reading))"]
        switch reading.orientation {
        case .areasInColumns: lines.append("县区在列，每行一项")
        case .areasInRows:
            lines.append("县区在行（\(reading.areaColumn ?? "?") 列），\(reading.oneColumnPerIndicator ? "每个指标一列" : "每个指标一组列")")
            if let width = reading.foldEvery { lines.append("表格折成并排的几栏，每栏 \(width) 列，右边各栏接在左栏下面读") }
        case .areaRowsPerItem: lines.append("每项按县区分行（县区名在一列）")
        case .noAreas: lines.append("没有县区，每行一项")
        }
        for column in reading.columns {
            var line = "  \(column.letter) 列“\(column.header)”：\(roleName(column.role))"
            if let indicator = column.indicator { line += "（指标：\(indicator)）" }
            lines.append(line)
        }
        if !reading.areas.isEmpty { lines.append("县区（\(reading.areas.count) 个）：\(reading.areas.joined(separator: "、"))") }
        lines.append(reading.total.map { "合计：\($0.label)（\($0.place)）" } ?? "合计：没有")
        if !reading.subtotalRows.isEmpty {
            lines.append("小计：第\(reading.subtotalRows.map(String.init).joined(separator: "、"))行（各与其上的县区之和核对，不算县区也不算合计）")
        }
        if reading.orientation == .areasInRows {
            let names = reading.groups.map { group in
                let letters = group.columns.map(\.letter)
                let span = letters.count > 1 ? "\(letters.first ?? "")-\(letters.last ?? "")" : (letters.first ?? "")
                return "\(group.indicator)（\(span)）"
            }
            lines.append(names.isEmpty ? "项目：没有" : "每个指标一项（\(names.count) 项）：\(names.joined(separator: "、"))")
        } else {
            lines.append(reading.itemRows.isEmpty ? "项目：没有" : "项目行：第\(ranges(reading.itemRows))行（\(reading.itemRows.count) 项）")
        }
        if let choice = reading.choice {
            let a = choice.agreement
            if choice.given {
                lines.append("读法：按版式文件")
            } else {
                lines.append("读法：比较了 \(choice.readingsTried) 种读法，取数字最相符的一种")
            }
            for change in choice.changedColumns {
                lines.append(
                    "  \(TableReading.letter(change.column)) 列“\(change.header)”：表头像\(measureName(change.proposed))，按数字读作\(measureName(change.chosen))")
            }
            lines.append("数字核对：可核对 \(a.checks) 处（完成率与合计），相符 \(a.agreements) 处，不符 \(a.disagreements) 处；不合常理 \(a.misfits) 处")
        }
        return lines.map { "    " + $0 }.joined(separator: "\n") + "\n"
    }

    /// `files[].reading[]`; with `preview`, also the table's first rows
    /// (`"preview": [{"row": 3, "cells": ["序号", "项目", …]}]`, the page's view of the reading).
    static func jsonValue(_ reading: TableReading, preview: Bool) -> JSONValue {
        guard preview, case .object(var pairs) = jsonValue(reading) else { return jsonValue(reading) }
        pairs.append(
            ("preview", .array(reading.preview.map { row in
                .object([("row", .number(Double(row.row))), ("cells", .array(row.texts.map(JSONValue.string)))])
            })))
        pairs.append(("layout", layoutFile(reading)))
        return .object(pairs)
    }

    /// `files[].reading[]`.
    static func jsonValue(_ reading: TableReading) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("sheet", .string(reading.sheet)),
            ("headerRows", .array([.number(Double(reading.headerRows.lowerBound)), .number(Double(reading.headerRows.upperBound))])),
            ("orientation", .string(reading.orientation.rawValue)),
        ]
        if reading.orientation == .areasInRows {
            pairs.append(("perIndicator", .string(reading.oneColumnPerIndicator ? "column" : "group")))
            pairs.append(("areaColumn", .optional(reading.areaColumn)))
        }
        pairs.append(
            ("columns", .array(reading.columns.map { column in
                var fields: [(String, JSONValue)] = [
                    ("column", .string(column.letter)), ("header", .string(column.header)), ("role", .string(column.role)),
                ]
                if let indicator = column.indicator { fields.append(("indicator", .string(indicator))) }
                return .object(fields)
            })))
        pairs.append(("areas", .array(reading.areas.map(JSONValue.string))))
        pairs.append(("total", reading.total.map { JSONValue.object([("label", .string($0.label)), ("place", .string($0.place))]) } ?? .null))
        if !reading.subtotalRows.isEmpty { pairs.append(("subtotalRows", .array(reading.subtotalRows.map { .number(Double($0)) }))) }
        pairs.append(("itemRows", .string(ranges(reading.itemRows))))
        pairs.append(("items", .number(Double(reading.itemRows.count))))
        if let choice = reading.choice {
            let a = choice.agreement
            pairs.append(("checks", .object([
                ("checked", .number(Double(a.checks))), ("agree", .number(Double(a.agreements))),
                ("disagree", .number(Double(a.disagreements))), ("misfit", .number(Double(a.misfits))),
            ])))
            pairs.append(("readingsTried", .number(Double(choice.readingsTried))))
            pairs.append(("given", .bool(choice.given)))
            pairs.append(("changed", .array(choice.changedColumns.map { change in
                .object([
                    ("column", .string(TableReading.letter(change.column))), ("header", .string(change.header)),
                    ("proposed", .string(change.proposed.rawValue)), ("chosen", .string(change.chosen.rawValue)),
                ])
            })))
        }
        return .object(pairs)
    }

    /// The `--layout` file that reads the table this way again.
    public static func layoutFile(_ reading: TableReading) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("sheet", .string(reading.sheet)),
            ("headerRows", .array([.number(Double(reading.headerRows.lowerBound)), .number(Double(reading.headerRows.upperBound))])),
        ]
        var units: [(String, JSONValue)] = []
        if reading.orientation == .areasInRows {
            pairs.append(("areaColumn", .optional(reading.areaColumn)))
            pairs.append(("groups", .array(reading.groups.map { group in
                var fields: [(String, JSONValue)] = [("indicator", .string(group.indicator))]
                if let project = group.project { fields.append(("project", .string(project))) }
                if let unit = group.unit { fields.append(("unit", .string(unit))) }
                if let lead = group.lead { fields.append(("lead", .string(lead))) }
                fields.append(("row", .number(Double(group.row))))
                fields.append(("columns", .object(group.columns.map { ($0.letter, JSONValue.string($0.role)) })))
                return .object(fields)
            })))
            // (Columns beside the groups, by their role: a note.)
            let grouped = Set(reading.groups.flatMap { $0.columns.map(\.letter) } + [reading.areaColumn].compactMap { $0 })
            let others = reading.columns.filter { !grouped.contains($0.letter) }
            if !others.isEmpty { pairs.append(("columns", .object(others.map { ($0.letter, JSONValue.string($0.role)) }))) }
            if let total = reading.total { pairs.append(("totalRow", .string(total.label))) }
            if let width = reading.foldEvery { pairs.append(("foldEvery", .number(Double(width)))) }
            for group in reading.groups {
                for column in group.columns where column.unit != group.unit || column.role == "rate" {
                    // (A column shared by groups, their target, once.)
                    guard !units.contains(where: { $0.0 == column.letter }) else { continue }
                    units.append((column.letter, column.unit.map(JSONValue.string) ?? .string("")))
                }
            }
        } else {
            pairs.append(("columns", .object(reading.columns.map { ($0.letter, JSONValue.string($0.role)) })))
            for column in reading.columns where column.role.hasPrefix("rate") || column.unit != nil {
                units.append((column.letter, .string(column.unit ?? "")))
            }
        }
        if !units.isEmpty { pairs.append(("units", .object(units))) }
        return .object(pairs)
    }
}

/// The distinct elements of a sequence, in first-seen order.
private struct NSOrderedSetLike: Sequence {
    private var items: [String] = []

    init(_ values: [String]) {
        for value in values where !items.contains(value) { items.append(value) }
    }

    func makeIterator() -> IndexingIterator<[String]> { items.makeIterator() }
}
