import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// A table typed in traditional characters (as on a mirror of a government page) is read as the
/// same table in simplified characters.
struct TraditionalTextTests {
    static let simplified = [
        ["序号", "项目名称", "年度目标(万元)", "累计完成(万元)", "完成率"],
        ["1", "老旧小区改造", "350", "206", "58.86%"],
        ["2", "儿童口腔健康", "130", "105.96", "81.51%"],
        ["合计", "", "480", "311.96", "64.99%"],
    ]
    static let traditional = [
        ["序號", "項目名稱", "年度目標(萬元)", "累計完成(萬元)", "完成率"],
        ["1", "老舊小區改造", "350", "206", "58.86%"],
        ["2", "兒童口腔健康", "130", "105.96", "81.51%"],
        ["合計", "", "480", "311.96", "64.99%"],
    ]

    @Test func aTraditionalTableReadsAsItsSimplifiedTwin() throws {
        let (simple, simpleFindings) = try TableFixture.check(Self.simplified)
        let (result, findings) = try TableFixture.check(Self.traditional)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(simpleFindings.isEmpty)
        let reading = try #require(result.readings.first)
        #expect(reading.columns.map(\.role) == simple.readings.first?.columns.map(\.role))
        #expect(reading.columns.map(\.role) == ["sequence", "project", "target", "completed", "rate"])
        #expect(reading.itemRows == [2, 3])
        // A wrong figure is found in it as in the simplified one.
        var wrong = Self.traditional
        wrong[2][3] = "-105.96"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(errors.map(\.code.rawValue).contains("negative-value"), "\(errors.map(\.message))")
    }

    @Test func aSimplifiedTableIsNotTakenForTraditional() {
        // 万 · 计 · 项 are simplified; one stray traditional character is not enough.
        #expect(!TraditionalText.marks.contains("万"))
        #expect(TraditionalText.marks.contains("萬"))
        #expect(TraditionalText.marks.contains("號"))
    }

    @Test func theMarksAreTheTraditionalFormsOfTheWords() throws {
        let traditional = try #require(TraditionalText.words.applyingTransform(StringTransform("Hans-Hant"), reverse: false))
        let same = Set(TraditionalText.words.unicodeScalars)
        #expect(Set(traditional.unicodeScalars.filter { !same.contains($0) }) == TraditionalText.marks)
    }
}
