import Foundation
import XLSXReader

/// A table typed in traditional characters (序號 · 項目名稱 · 年內計劃投資(萬元), as on a mirror
/// of a government page) is read in simplified characters, as its words are kept: the sheet's
/// texts pass through ICU's Hant-Hans transform before the table is looked for. Names in the
/// report are then simplified too; cell references are those of the file.
enum TraditionalText {
    /// The simplified characters of common table words (序号, 项目, 万元, 责任单位 …), whose
    /// traditional forms are `marks`.
    static let words =
        "序号项目名称指标单位目标任务计划完成情况数率进度进展累计责任牵头县区乡镇街道市合计总计小计万亿元个户条处里亩吨辆张间"
        + "类别内容备注实际年度季投资资金额说明时间节点状态领导门负责达标建设实施开发东农卫费准关于体应属当岁龙阳"

    /// Traditional forms of `words` (序号 → 序號, 万 → 萬 …) that differ from them: a text holding
    /// one of them is traditional. Written out, as ICU's Hans-Hant transform gives them (a test
    /// compares), so that no process pays for loading the transform to look.
    static let marks = Set("號項稱標單務計劃況數進責牽頭縣區鄉鎮總萬億個戶條處畝噸輛張間類別內備實際資額說時節點狀態領導門負達設開發東農衛費關於體應屬當歲龍陽".unicodeScalars)

    /// `marks` as bits over the CJK block (U+4E00–U+9FFF), one test per character.
    private static let markBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00) / 64)
        for scalar in marks where (0x4E00..<0xA000).contains(scalar.value) {
            let offset = Int(scalar.value - 0x4E00)
            bits[offset / 64] |= 1 << UInt64(offset % 64)
        }
        return bits
    }()

    /// Whether a character is one of `marks`.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard (0x4E00..<0xA000).contains(scalar.value) else { return false }
        let offset = Int(scalar.value - 0x4E00)
        return markBits[offset / 64] & (1 << UInt64(offset % 64)) != 0
    }

    /// How many texts are looked at (the header's are among the first), and how much of each,
    /// before a sheet is taken as simplified.
    static let textLimit = 120
    static let scalarLimit = 32

    /// Whether the sheet's first texts hold at least two traditional characters of table words.
    static func isTraditional(_ sheet: Sheet) -> Bool {
        var seen = 0
        var found = 0
        sheet.forEachText { text in
            seen += 1
            found += marks(inFirst: scalarLimit, of: text, needed: 2 - found)
            if found >= 2 { return false }
            return seen < textLimit
        }
        return found >= 2
    }

    /// How many of the first `limit` characters of `text` are `marks`, counting no further than
    /// `needed`. Read from the UTF-8 bytes in place (every sheet's first texts are looked at: a
    /// walk of `unicodeScalars` cost more than the rest of telling).
    static func marks(inFirst limit: Int, of text: String, needed: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var found = 0
            var scalars = 0
            var i = 0
            while i < bytes.count && scalars < limit {
                let lead = bytes[i]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                // The CJK block (U+4E00–U+9FFF) is three bytes from E4 to E9.
                if length == 3, lead >= 0xE4, lead <= 0xE9, i + 2 < bytes.count {
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if let scalar = Unicode.Scalar(value), isMark(scalar) {
                        found += 1
                        if found >= needed { return found }
                    }
                }
                i += length
                scalars += 1
            }
            return found
        }
    }

    /// The sheet in simplified characters when it is typed in traditional ones, else the sheet.
    static func simplified(_ sheet: Sheet) -> Sheet {
        guard isTraditional(sheet) else { return sheet }
        let transform = StringTransform("Hant-Hans")
        return sheet.mappingTexts { text in text.applyingTransform(transform, reverse: false) ?? text }
    }
}
