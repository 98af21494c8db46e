import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// The breakdown forms of seed 002, each with its exact figures.
struct BreakdownParserTests {
    func sum(_ b: Breakdown, counties: Int = 0) -> Decimal {
        b.areas.reduce(Decimal(0)) { $0 + $1.value.value } + (b.each?.value ?? 0) * Decimal(counties)
    }

    @Test func readsOneValuePerArea() throws {
        let text = "城镇新增就业3.3万人以上(其中:涡阳县8300人以上,蒙城县8100人以上,利辛县8000人以上,谯城区8600人以上)"
        let b = try #require(TestWords.parser.parse(text).first)
        #expect(b.total == Quantity(33000, unit: "人", bound: .atLeast))
        #expect(b.areas.map(\.area) == ["涡阳县", "蒙城县", "利辛县", "谯城区"])
        #expect(sum(b) == 33000)
    }

    @Test func readsBoundsBeforeTheNumbers() throws {
        let text = "募集青年就业见习岗位不少于3265个(其中:涡阳县不少于816个,蒙城县不少于816个,利辛县不少于816个,谯城区不少于817个)"
        let b = try #require(TestWords.parser.parse(text).first)
        #expect(b.total?.value == 3265)
        #expect(sum(b) == 3265)
    }

    @Test func readsAValueForEachCounty() throws {
        let b = try #require(TestWords.parser.parse("开发公益性岗位不少于2200个(每个县区不少于550个)").first)
        #expect(b.total?.value == 2200)
        #expect(b.each?.value == 550)
        #expect(b.areas.isEmpty)
        #expect(sum(b, counties: 4) == 2200)
    }

    @Test func readsANamedAreaBesideEachCounty() throws {
        let b = try #require(TestWords.parser.parse("市县区全覆盖建立12家“惠民菜篮子”门店(其中:市本级建立4家,每个县区各2家)").first)
        #expect(b.total?.value == 12)
        #expect(b.areas.map(\.area) == ["市本级"])
        #expect(sum(b, counties: 4) == 12)
    }

    @Test func readsAGroupOfAreasSharingAValue() throws {
        let text = "免费为4.1万人次农村35-64岁妇女提供宫颈癌筛查(其中:涡阳县、蒙城县、谯城区各1万人,利辛县1.1万人)"
        let b = try #require(TestWords.parser.parse(text).first)
        #expect(b.total?.value == 41000)
        #expect(b.areas.count == 4)
        #expect(sum(b) == 41000)
    }

    @Test func readsSeveralBreakdownsInOneParagraph() {
        let text = "2023年,培训家政服务人员4.48万人次(其中:涡阳县10500人次,蒙城县9700人次,利辛县8200人次,谯城区10500人次,亳州高新区5900人次)。员工制家政服务企业实现县区全覆盖;力争新增家政服务人员8100人(其中涡阳县1900人,蒙城县1800人,利辛县1500人,谯城区1900人,亳州高新区1000人)。"
        let all = TestWords.parser.parse(text)
        #expect(all.map { $0.total?.value } == [44800, 8100])
        #expect(all.map { sum($0) } == [44800, 8100])
    }

    @Test func toleratesATypoAfterAnAreaName() throws {
        let text = "1.为1320名符合条件的视力、听力、言语、肢体、智力等残疾儿童和孤独症儿童提供康复训练救助(其中谯城区360名、涡阳县320名、蒙城县务320名、利辛县320名)"
        let b = try #require(TestWords.parser.parse(text).first)
        #expect(b.total?.value == 1320)
        #expect(b.areas.map(\.area) == ["谯城区", "涡阳县", "蒙城县", "利辛县"])
        #expect(sum(b) == 1320)
    }

    @Test func readsAnUnbracketedBreakdown() throws {
        let b = try #require(TestWords.parser.parse("发展保障性租赁住房887套(间)。其中,亳州高新区837套(间)、蒙城县50套(间)。").first)
        #expect(b.total?.value == 887)
        #expect(sum(b) == 887)
    }

    @Test func readsAreasWithPersonUnitsThatDifferFromTheTotal() throws {
        let b = try #require(TestWords.parser.parse("为1604名有需求的残疾人开展职业技能培训和创业培训(其中涡阳县394人,蒙城县296人,利辛县474人,谯城区440人)").first)
        #expect(b.total?.value == 1604)
        #expect(sum(b) == 1604)
    }

    @Test func doesNotGuessWhenAnAreaHasSeveralFigures() {
        let text = "其中,谯城区新开工棚户区改造1575套、基本建成1772套,改造城镇老旧小区7个;涡阳县新开工棚户区改造928套。"
        #expect(TestWords.parser.parse(text).isEmpty)
    }

    @Test func findsNoBreakdownInASubCategory() {
        #expect(TestWords.parser.parse("新增城市停车泊位17000个,其中公共停车泊位2550个。").isEmpty)
    }
}

/// Every line of every seed, as prose targets in one table: no breakdown that does not add up
/// (a reference such as 我区 is no area name).
struct SeedLineRegressionTests {
    @Test func referencesAreNotAreaNames() {
        #expect(TestWords.parser.parse("2020年，省政府确定实施33项民生工程。其中，我区实际实施17项。").isEmpty)
        #expect(TestWords.parser.parse("全县新建10所(其中全县5所,城关区5所)").first?.areas.map(\.area) == ["城关区"])
    }

    @Test func noSeedLineMakesAFalseBreakdown() throws {
        let location = TestPaths.fixtures.appendingPathComponent("seeds")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: location.path)) ?? []
        try #require(files.count == 5, "the seed documents are in Tests/Fixtures/seeds")
        var checked = 0
        for name in files.sorted() {
            let text = try String(contentsOf: location.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                for breakdown in TestWords.parser.parse(String(line)) {
                    guard let total = breakdown.total else { continue }
                    var sum = breakdown.areas.reduce(Decimal(0)) { $0 + $1.value.value }
                    if let each = breakdown.each {
                        let listed = Set(breakdown.areas.map { $0.area })
                        sum += each.value * Decimal(["涡阳县", "蒙城县", "利辛县", "谯城区"].filter { !listed.contains($0) }.count)
                    }
                    #expect(sum == total.value, "\(name): \(breakdown.clause) → \(sum) vs \(total.value)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 20)
    }
}

/// Splits written as a list of tokens in one cell (a district's split among its towns).
struct TokenBreakdownTests {
    @Test func readsTownsTownshipsAndSubDistrictsWithAnySeparator() throws {
        let breakdown = try #require(TestWords.parser.parseTokens("元坝镇200、王家镇150；卫子镇：100，拣银岩街道办150 白果乡15人"))
        #expect(breakdown.areas.map(\.area) == ["元坝镇", "王家镇", "卫子镇", "拣银岩街道办", "白果乡"])
        #expect(breakdown.areas.map(\.value.value) == [200, 150, 100, 150, 15])
    }

    @Test func needsTwoAreasAndNoAreaTwice() {
        #expect(TestWords.parser.parseTokens("元坝镇200") == nil)
        #expect(TestWords.parser.parseTokens("元坝镇200 元坝镇100") == nil)
        #expect(TestWords.parser.parseTokens("新增就业1300人，完成率100%") == nil, "words that name no area are no split")
    }

    @Test func aBreakdownCellTakesProseFirst() {
        let prose = TestWords.parser.parseBreakdownCell("1000人(其中:涡阳县300人,蒙城县700人)")
        #expect(prose.first?.total?.value == 1000)
        #expect(prose.first?.areas.count == 2)
    }
}
