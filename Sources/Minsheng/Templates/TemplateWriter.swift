import Foundation
import XLSXWriter

/// Writes one district template: the form (`TemplateForm`), 填报说明 and the hidden metadata.
struct TemplateWriter {
    let template: DistrictTemplate

    func write(area: String, items: [ProgressItem], plan: Splitter.Plan, period: String?, to path: String) throws {
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(
            DocumentProperties(
                title: template.title(area: area, period: period, plan: plan.title), author: "minsheng \(MinshengInfo.version)",
                comments: "由 minsheng split 根据 \((plan.path as NSString).lastPathComponent) 生成",
                created: ProgressWorkbook.creationDate(nil)))
        try book.setCustomProperty("minsheng.plan", plan.id)
        try book.setCustomProperty("minsheng.area", area)
        try book.setCustomProperty("minsheng.version", template.version)
        try writeForm(book, area: area, items: items, plan: plan, period: period)

        let help = try book.addWorksheet(template.instructionsSheetName)
        try help.write("填报说明", row: 0, column: 0, format: book.format(ProgressWorkbook.titleFormat))
        var helpSpec = CellFormat()
        helpSpec.wrap = true
        helpSpec.vertical = .top
        let helpFormat = book.format(helpSpec)
        for (i, line) in template.instructionLines.enumerated() {
            try help.write(line, row: i + 2, column: 0, format: helpFormat)
            // A column 100 wide holds about 46 Chinese characters a line at 11 pt.
            let lines = (line.count + 45) / 46
            if lines > 1 { try help.setRow(i + 2, height: 15 * Double(lines) + 2) }
        }
        try help.setPrintLayout(repeatRows: nil)
        try help.setColumns(0, 0, width: 100)

        let meta = try book.addWorksheet(TemplateMetadata.sheetName)
        let pairs: [(String, String)] = [
            (TemplateMetadata.marker, template.version), ("plan", plan.id), ("area", area),
            ("planFile", (plan.path as NSString).lastPathComponent), ("sheet", template.sheetName),
            ("period", period ?? template.defaultPeriod), ("items", String(items.count)),
        ]
        for (i, pair) in pairs.enumerated() {
            try meta.write(pair.0, row: i, column: 0)
            try meta.write(pair.1, row: i, column: 1)
        }
        for (i, item) in items.enumerated() {
            let r = pairs.count + 1 + i
            try meta.write(PlanIdentity.itemKey(item), row: r, column: 0)
            try meta.write(item.key, row: r, column: 1)
            if let value = item.areas[area]?.target { try meta.write(ProgressWorkbook.double(value), row: r, column: 2) }
        }
        meta.hide()
        try book.defineName("minsheng_plan", formula: "=\(TemplateMetadata.sheetName)!$B$2")
        try book.close()
    }

    /// Writes 填报表: every position, width, format and formula letter from `TemplateForm`.
    func writeForm(_ book: XLSXWorkbook, area: String, items: [ProgressItem], plan: Splitter.Plan, period: String?) throws {
        let columns = TemplateForm.columns(template)
        let form = try book.addWorksheet(template.sheetName)
        form.activate()
        let lastVisible = columns.columns.lastIndex { !$0.hidden } ?? columns.lastIndex
        var title = ProgressWorkbook.titleFormat
        title.fontSize = 14
        try form.mergeRange(
            firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: lastVisible,
            template.title(area: area, period: period, plan: plan.title), format: book.format(title))
        try form.mergeRange(
            firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: lastVisible,
            "填报单位：\(area)    填报期：\(period ?? template.defaultPeriod)    依据：\(plan.title)")
        let header = book.format(ProgressWorkbook.headerFormat)
        for (c, column) in columns.columns.enumerated() {
            try form.write(column.header, row: TemplateForm.headerRow, column: c, format: column.hidden ? nil : header)
        }
        // Locked unless an input; made left to right (the order of formats is part of the bytes).
        let formats = columns.columns.map { column in column.style.map { book.format(ProgressWorkbook.cellFormat($0)) } }
        func at(_ key: TemplateForm.Column) -> (column: Int, format: XLSXFormat?) {
            let c = columns.index(key)
            return (c, formats[c])
        }
        let (sequence, project, indicator, unit) = (at(.sequence), at(.project), at(.indicator), at(.unit))
        let (target, completed, rate, note, key) = (at(.target), at(.completed), at(.rate), at(.note), at(.key))
        let (completedLetter, targetLetter) = (columns.letter(.completed), columns.letter(.target))
        let first = TemplateForm.firstRow
        for (i, item) in items.enumerated() {
            let r = first + i
            try form.write(Double(i + 1), row: r, column: sequence.column, format: sequence.format)
            try form.write(item.project ?? "", row: r, column: project.column, format: project.format)
            try form.write(item.indicator ?? item.project ?? "", row: r, column: indicator.column, format: indicator.format)
            try form.write(item.unit ?? "", row: r, column: unit.column, format: unit.format)
            if let value = item.areas[area]?.target {
                try form.write(ProgressWorkbook.double(value), row: r, column: target.column, format: target.format)
            }
            try form.writeBlank(row: r, column: completed.column, format: completed.format)
            // Blank until 完成数 is filled in (not 0.0%).
            let completedCell = "\(completedLetter)\(r + 1)"
            try form.writeFormula(
                "=IF(\(completedCell)=\"\",\"\",IFERROR(\(completedCell)/\(targetLetter)\(r + 1),\"\"))", row: r, column: rate.column,
                cachedText: "", format: rate.format)
            try form.writeBlank(row: r, column: note.column, format: note.format)
            try form.write(PlanIdentity.itemKey(item), row: r, column: key.column, format: key.format)
        }
        let last = max(first, first + items.count - 1)
        try form.setColumns(columns, widths: columns.widths { _ in [] })
        try form.validateDecimal(
            firstRow: first, firstColumn: completed.column, lastRow: last, lastColumn: completed.column, atLeast: 0,
            inputTitle: template.inputMessage.title, inputMessage: template.inputMessage.message,
            errorTitle: template.errorMessage.title, errorMessage: template.errorMessage.message)
        try writeSignature(book, form, columns: columns, below: last)
        form.freezePanes(row: first, column: 0)
        let allowed = template.protection
        form.protect(
            password: template.protectionPassword.isEmpty ? nil : template.protectionPassword,
            allowFormattingColumns: allowed.formatColumns, allowFormattingRows: allowed.formatRows,
            allowInsertingRows: allowed.insertRows, allowSorting: allowed.sort)
        try form.setPrintLayout(repeatRows: 0...TemplateForm.headerRow)
    }

    /// The 填报人 / 联系电话 / 审核人 / 填报日期 block, a blank row below the form: per row a label
    /// in 项目 and its cell in 指标, a label in 年度目标 and its cell over 完成数…备注; the input
    /// cells unlocked, the date validated, the marker in the hidden key column.
    func writeSignature(_ book: XLSXWorkbook, _ form: XLSXWorksheet, columns: SheetColumns<TemplateForm.Column>, below last: Int) throws {
        let signature = template.signature
        var labelSpec = CellFormat()
        labelSpec.bold = true
        labelSpec.horizontal = .right
        labelSpec.vertical = .center
        let label = book.format(labelSpec)
        var inputSpec = CellFormat()
        inputSpec.locked = false
        inputSpec.fill = 0xFFF2CC
        inputSpec.vertical = .center
        var bottom = inputSpec
        bottom.border = .thin
        let input = book.format(bottom)
        var dateSpec = bottom
        dateSpec.numberFormat = "yyyy-mm-dd"
        let date = book.format(dateSpec)
        let places = [
            (label: columns.index(.project), first: columns.index(.indicator), last: columns.index(.indicator)),
            (label: columns.index(.target), first: columns.index(.completed), last: columns.index(.note)),
        ]
        for (i, labels) in signature.rows.enumerated() {
            let r = last + 2 + i
            for (text, place) in zip(labels, places) {
                try form.write(text + "：", row: r, column: place.label, format: label)
                let isDate = text == signature.dateLabel
                if place.first == place.last {
                    try form.writeBlank(row: r, column: place.first, format: isDate ? date : input)
                } else {
                    try form.mergeRange(firstRow: r, firstColumn: place.first, lastRow: r, lastColumn: place.last, "", format: isDate ? date : input)
                }
                if isDate {
                    try form.validateDate(
                        row: r, column: place.first, from: (2000, 1, 1), to: (2099, 12, 31), inputTitle: signature.dateMessage.title,
                        inputMessage: signature.dateMessage.message, errorTitle: signature.dateError.title,
                        errorMessage: signature.dateError.message)
                }
            }
            try form.write(signature.marker, row: r, column: columns.index(.key))
            try form.setRow(r, height: 22)
        }
    }
}
