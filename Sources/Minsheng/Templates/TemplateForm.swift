import Foundation

/// 填报表, the form of a district template: a title, a line naming the area and period, the
/// header, one row per item, and a hidden key column. `TemplateWriter` writes it and
/// `ReturnReader` (with `Collector`) reads it back, both through `layout`; the labels, widths and
/// number formats are data (`Templates/district.json`) laid over it by `columns(_:)`.
enum TemplateForm {
    /// What each column of the form holds, named as in `district.json` (`key`: the hidden item key).
    enum Column: String, Hashable, Sendable, CaseIterable {
        /// 序号.
        case sequence
        /// 项目.
        case project
        /// 指标.
        case indicator
        /// 单位.
        case unit
        /// 年度目标, filled in by `split` and locked.
        case target
        /// 完成数, filled in by staff.
        case completed
        /// 完成率: a formula, completed ÷ target.
        case rate
        /// 备注, filled in by staff.
        case note
        /// The hidden item key (`k` and 12 hex digits), so a row is matched whatever staff insert or sort.
        case key
    }

    /// Zero-based row of the header.
    static let headerRow = 2
    /// Zero-based row of the first item.
    static let firstRow = headerRow + 1
    /// The hidden key column's text on the rows of the 填报人 / 填报日期 block (`district.json`
    /// `signature.marker` as shipped); readers skip those rows.
    static let signatureMarker = "signature"

    /// The form's columns in sheet order, with the styles the code decides; the headers and widths
    /// here are placeholders that `columns(_:)` replaces with the template's (the hidden key column
    /// keeps its own). Readers take positions from it.
    static let layout = SheetColumns<Column>(
        Column.allCases.map { column in
            switch column {
            case .sequence, .project, .indicator, .unit: SheetColumn(column, column.rawValue, width: .fixed(10), style: .wrapped)
            case .target, .rate: SheetColumn(column, column.rawValue, width: .fixed(10), style: .text)
            case .completed: SheetColumn(column, column.rawValue, width: .fixed(10), style: ColumnStyle(input: true))
            case .note: SheetColumn(column, column.rawValue, width: .fixed(10), style: ColumnStyle(wrap: true, input: true))
            case .key: SheetColumn(column, "key", width: .fixed(14), style: nil, hidden: true)
            }
        })

    /// The form's visible columns as `district.json` names them (every key is checked present on load).
    static var templateKeys: [String] {
        layout.columns.filter { !$0.hidden }.map(\.key.rawValue)
    }

    /// The form's columns with the template's labels, widths and number formats.
    static func columns(_ template: DistrictTemplate) -> SheetColumns<Column> {
        SheetColumns(
            layout.columns.map { column in
                guard !column.hidden else { return column }
                let data = template.column(column.key.rawValue)
                var laid = column
                laid.header = data.label
                laid.width = .fixed(data.width)
                laid.style?.numberFormat = data.numberFormat
                return laid
            })
    }
}
