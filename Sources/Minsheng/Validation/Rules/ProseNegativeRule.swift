import Foundation
import XLSXReader

/// `negative-value` in a progress text or a note: a figure written with a minus sign inside a sentence
/// (已进场施工,完成-60% · -10015套已安装到位), which no count or share of work can be. A dash
/// between two numbers (1-10月, 2024-2025年, 0535-8246306) is a range or a number, not a sign.
struct ProseNegativeRule: TableRule {
    /// Creates one.
    init() {}

    /// Words of a change or a difference, after which a minus sign is a fall (新增 is none: 新增托位-1155个
    /// is a count).
    static let changeWords = [
        "增长", "增幅", "增速", "增减", "下降", "降幅", "降低", "同比", "环比", "调整", "变化", "变动", "上涨", "下跌", "上升", "减少", "差额",
        "相差", "幅度",
    ]

    /// How much of a text is looked at (a progress text is a paragraph at most).
    static let scalarLimit = 2000

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        for column in table.table.layout.columns where column.meaning == .role(.progressText) || column.meaning == .role(.note) {
            guard let cell = table.table.sheet.cell(at: CellReference(row: row.row.row, column: column.column)),
                case .string(let text) = cell.value, let value = Self.negativeFigure(in: text)
            else { continue }
            findings.add(.negative(label: HeaderText.normalize(column.header), value: value), row, cell: cell.reference.a1, actual: value)
        }
    }

    /// The first figure with a minus sign in `text` followed by a unit or %, nil when none.
    static func negativeFigure(in text: String) -> Decimal? {
        let scalars = Array(text.unicodeScalars.prefix(scalarLimit))
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            guard scalars[i] == "-" || scalars[i] == "－" || scalars[i] == "−" else { continue }
            // (After a digit, a % or a Latin letter: a range, a date, a phone or a code — 30%-50%.)
            if i > 0, isDigit(scalars[i - 1]) || "%％".unicodeScalars.contains(scalars[i - 1]) || ("a"..."z").contains(scalars[i - 1])
                || ("A"..."Z").contains(scalars[i - 1])
            {
                continue
            }
            // (增幅-1.1%, 同比增长-4%, 调整为-4%左右: a change, which may fall.)
            let before = String(String.UnicodeScalarView(scalars[max(0, i - 8)..<i]))
            if Self.changeWords.contains(where: before.contains) { continue }
            var j = i + 1
            var number = ""
            while j < scalars.count, isDigit(scalars[j]) || (scalars[j] == "." && !number.isEmpty) {
                number.unicodeScalars.append(scalars[j])
                j += 1
            }
            guard !number.isEmpty, !number.hasSuffix("."), j < scalars.count else { continue }
            // A unit (a Chinese character: 个, 套, 人, 万元) or %, not another dash or a digit.
            let next = scalars[j]
            guard next == "%" || next == "％" || (0x4E00...0x9FFF).contains(next.value) else { continue }
            // (-2季度, -3月: a date again.)
            if ["年", "月", "日", "号", "时", "季"].contains(Character(next)) { continue }
            guard let value = Decimal(string: number), value != 0 else { continue }
            return -value
        }
        return nil
    }
}
