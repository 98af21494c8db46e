import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// How a table is read when the words alone cannot say: the figures decide, names with numeral
/// characters are areas, towns are areas, nothing filled is dropped in silence, non-additive
/// figures never "decrease".
struct ReadingRuleTests {
    static func codes(_ findings: [Finding]) -> [String] { findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } }

    @Test func theFiguresReadAProgressColumnAsTheCompletionAndTheRateBesideIt() throws {
        // 进度 holds the cumulative figure, 完成目标(%) the rate: words alone read them the other
        // way round and every row disagreed.
        let rows = [
            ["项目", "目标任务", "进度", "完成目标(%)"],
            ["城镇新增就业", "26000", "32095", "123.4"],
            ["农村劳动力转移", "1000", "900", "90"],
            ["技能培训", "4000", "4400", "110"],
            ["创业担保贷款", "200", "150", "75"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.columns.map(\.role) == ["project", "target", "completed", "rate"])
        #expect(reading.choice?.changedColumns.map(\.header) == ["进度"])
        // The one real error is still found, not lost among errors of the reading.
        var wrong = rows
        wrong[3][3] = "120"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(Self.codes(errors) == ["rate-mismatch D4"])
    }

    @Test func whenNoReadingAgreesTheReportSaysSoOnce() throws {
        let (_, findings) = try TableFixture.check([
            ["项目", "目标", "完成", "完成率"],
            ["甲", "100", "50", "81%"],
            ["乙", "200", "90", "17%"],
            ["丙", "300", "120", "66%"],
            ["丁", "400", "100", "93%"],
            ["戊", "500", "400", "31%"],
            ["己", "600", "300", "12%"],
        ])
        #expect(Self.codes(findings) == ["doubtful-reading "], "\(findings.map(\.message))")
        #expect(findings.first?.message.contains("6 处可核对的完成率和合计中有 6 处对不上") == true)
    }

    @Test func placeNamesWithNumeralCharactersAreAreas() throws {
        // 七里河区, 五华区, 万州区, 两江新区, 百色市, 千阳县: Character.isNumber is true for 七 五 万 两 百 千.
        let (result, findings) = try TableFixture.check([
            ["项目", "合计", "七里河区", "五华区", "万州区", "两江新区", "百色市", "千阳县"],
            ["城镇新增就业", "600", "100", "100", "100", "100", "100", "100"],
            ["技能培训", "700", "100", "100", "100", "100", "100", "100"],
        ])
        #expect(result.readings.first?.areas == ["七里河区", "五华区", "万州区", "两江新区", "百色市", "千阳县"])
        #expect(Self.codes(findings) == ["total-mismatch B3"])
    }

    @Test func townsAreAreasAndATownBreakdownIsChecked() throws {
        let (result, findings) = try TableFixture.check([
            ["项目", "全镇", "元坝镇", "白果乡", "红岩街道"],
            ["改厕", "300", "100", "100", "100"],
            ["道路", "31", "10", "10", "10"],
        ])
        #expect(result.readings.first?.areas == ["元坝镇", "白果乡", "红岩街道"])
        #expect(Self.codes(findings) == ["total-mismatch B3"])
    }

    @Test func areasDownTheRowsWithOneColumnPerIndicatorAndALeadRow() throws {
        let (result, findings) = try TableFixture.check([
            ["县区", "城镇新增就业（人）", "农村劳动力转移（人）"],
            ["责任单位", "市人社局", "市农业农村局"],
            ["全市", "1000", "500"],
            ["涡阳县", "600", "200"],
            ["蒙城县", "400", "310"],
        ])
        let reading = try #require(result.readings.first)
        #expect(reading.orientation == .areasInRows && reading.oneColumnPerIndicator)
        #expect(reading.areas == ["涡阳县", "蒙城县"])
        #expect(reading.groups.map(\.lead) == ["市人社局", "市农业农村局"])
        #expect(Self.codes(findings) == ["total-mismatch C3"])
    }

    @Test func countiesDownTheRowsUnderAnUnknownHeaderWithACountColumnAndACountyLevelCityFirst() throws {
        // 项目个数 is how many projects, a figure, not their names; 吉首市 (a county-level city)
        // first is one of the areas, not their total: its figures are smaller than 州直's.
        // 92 among 65.1 and 31.2 is 92.0 rounded: 92.0 ÷ 156.7 printed 58.8% agrees.
        let rows = [
            ["隶属", "项目个数", "年投资计划", "完成投资额", "年计划投资完成率"],
            ["吉首市", "57", "82.5", "65.1", "78.9%"],
            ["泸溪县", "27", "42.6", "31.2", "73.2%"],
            ["凤凰县", "34", "78.5", "62.9", "80.1%"],
            ["州直", "58", "156.7", "92", "58.8%"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        let reading = try #require(result.readings.first)
        #expect(reading.orientation == .areasInRows)
        #expect(reading.areas == ["吉首市", "泸溪县", "凤凰县", "州直"])
        #expect(reading.total == nil)
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        var wrong = rows
        wrong[2][4] = "83.2%"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(Self.codes(errors) == ["rate-mismatch E3"], "\(errors.map(\.message))")
    }

    @Test func aFormsColumnNumberingAndItsNotesAreNoItems() throws {
        // 甲 · 乙 · 1 · 2 numbers the columns of a statistical form; notes are written across it.
        let (result, findings) = try TableFixture.check(
            [
                ["指标名称", "计量单位", "全部完成面积", "其中:中央投资完成面积"],
                ["甲", "乙", "1", "2"],
                ["人工造林", "公顷", "7123", "2113"],
                ["森林抚育", "公顷", "14545", "0"],
                ["填报说明:1.森林抚育面积特指中、幼龄林抚育。", "", "", ""],
                ["2.中央投资完成面积包括林业重点工程造林。", "", "", ""],
            ], merges: ["A6:D6"])
        #expect(result.items == 2, "\(result)")
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
    }

    @Test func oneTargetColumnBeforeGroupsOfCompletionAndRateIsEachGroupsTarget() throws {
        let rows = [
            ["市县名", "目标人群数(按33%比例)", "宫颈癌", "", "乳腺癌", ""],
            ["", "", "累计完成(例)", "完成率(%)", "累计完成(例)", "完成率(%)"],
            ["全市合计", "221", "221", "100", "229", "100"],
            ["桐城市", "96", "96", "100", "96", "100"],
            ["怀宁县", "125", "125", "100", "133", "100"],
        ]
        let merges = ["A1:A2", "B1:B2", "C1:D1", "E1:F1"]
        let (result, findings) = try TableFixture.check(rows, merges: merges)
        let reading = try #require(result.readings.first)
        #expect(reading.groups.map { $0.columns.map(\.letter) } == [["B", "C", "D"], ["B", "E", "F"]])
        // 怀宁县 133 of 125 is not 100%, nor is the city's 229 of 221.
        #expect(Self.codes(findings) == ["rate-mismatch F3", "rate-mismatch F5"], "\(findings.map(\.message))")
    }

    @Test func theCumulativeCompletionNotTheMonthsIsMeasuredAgainstTheTarget() throws {
        // One item per row: 本月完成 beside 累计完成.
        let (items, itemFindings) = try TableFixture.check([
            ["项目", "年度目标", "本月完成", "累计完成", "完成率"],
            ["城镇新增就业", "1000", "100", "800", "80%"],
            ["技能培训", "500", "50", "250", "40%"],
        ])
        #expect(items.readings.first?.columns.first { $0.letter == "D" }?.role == "completed")
        #expect(Self.codes(itemFindings) == ["rate-mismatch E3"], "\(itemFindings.map(\.message))")
        // Areas down the rows: 当月完成面积 beside 累计完成面积; the rate left at last month's.
        let (areas, areaFindings) = try TableFixture.check([
            ["序号", "区(县)", "下达任务面积(亩)", "当月完成面积(亩)", "累计完成面积(亩)", "任务完成量占比(%)"],
            ["1", "石柱县", "1000", "0", "500", "50"],
            ["2", "黔江区", "3000", "300", "1500", "40"],
            ["3", "铜梁区", "2000", "0", "1000", "50"],
        ])
        #expect(areas.readings.first?.orientation == .areasInRows)
        #expect(Self.codes(areaFindings) == ["rate-mismatch F3"], "\(areaFindings.map(\.message))")
    }

    @Test func aYearsTargetBesideThePeriodsIsANoteAndTheTitleNamesTheOneIndicator() throws {
        // 年度投资计划 · 一季度目标任务 · 一季度完成投资 · 占比: the completion and its rate measure
        // the quarter's target; the columns name only measures, the title names what they measure.
        let rows = [
            ["2019年1-3月全市重点项目完成情况表", "", "", "", ""],
            ["县(市、区)", "年度投资计划", "一季度目标任务", "一季度完成投资", "完成一季度目标任务占比(%)"],
            ["达州市", "600", "110", "121", "110"],
            ["通川区", "400", "60", "66", "110"],
            ["达川区", "200", "50", "55", "110"],
        ]
        let (result, findings) = try TableFixture.check(rows, merges: ["A1:E1"])
        let reading = try #require(result.readings.first)
        #expect(reading.groups.map { $0.columns.map(\.letter) } == [["C", "D", "E"]])
        #expect(reading.groups.map(\.indicator) == ["重点项目"])
        #expect(reading.columns.first { $0.letter == "B" }?.role == "note")
        #expect(reading.total?.label == "达州市")
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        var wrong = rows
        wrong[3][4] = "100"
        let (_, errors) = try TableFixture.check(wrong, merges: ["A1:E1"])
        #expect(Self.codes(errors) == ["rate-mismatch E4"], "\(errors.map(\.message))")
        // Two targets of the year and no part of it are two indicators, each named by its header.
        let (plan, _) = try TableFixture.check([
            ["县(市、区)", "城镇新增就业目标", "农村劳动力转移就业目标"],
            ["通川区", "400", "60"],
            ["达川区", "200", "50"],
        ])
        #expect(plan.readings.first?.groups.count == 2)
    }

    @Test func aProgressSentenceGivesTheCompletionAndTheRateAndWordedTargetsNameTheirRows() throws {
        // 完成进度 written as sentences; the targets in words under one merged project.
        let rows = [
            ["项目名称", "年度目标任务", "完成进度"],
            ["一、就业促进行动", "1.募集青年就业见习岗位325个", "完成330个,完成率101.54%"],
            ["", "2.开发公益性岗位540个", "完成838个,完成率155.19%"],
            ["", "*3.新增技能人才4000人", "完成736人,完成率18.04%"],
        ]
        let (result, findings) = try TableFixture.check(rows, merges: ["A2:A4"])
        let reading = try #require(result.readings.first)
        #expect(reading.columns.first { $0.letter == "C" }?.role == "progressText")
        // Three items, not one project three times; 736 ÷ 4000 is 18.4%, not 18.04%.
        #expect(Self.codes(findings) == ["rate-mismatch C4"], "\(findings.map(\.message))")
        let table = try TableFixture.table(rows, merges: ["A2:A4"])
        let checked = CheckedTable(table)
        #expect(checked.rows.compactMap(\.row.indicator).count == 3)
        #expect(checked.rows.first?.values[ValueKey(.target)]?.quantity.quantity?.value == 325)
        #expect(checked.rows.first?.values[ValueKey(.completed)]?.quantity.quantity?.value == 330)
        // A narrative is no such sentence: it states several things done, or none by a figure.
        let narrative = try TableFixture.table([
            ["项目名称", "年度目标", "进展情况"],
            ["老旧小区改造", "67个", "新开工改造城镇老旧小区42个,完成电梯30部"],
            ["农村公路护栏", "201公里", "已完成全部里程的施工图审查工作"],
            ["口腔医师", "30%", "已完成(完成30%,完成率100%)"],
            ["病险水库", "50座", "完成41座小型病险水库除险加固"],
        ])
        #expect(CheckedTable(narrative).rows.allSatisfy { $0.values[ValueKey(.completed)] == nil })
    }

    /// A status first (已完成。), the name of what is counted (筛查人数) and the rate as 完成进度
    /// are still one sentence stating what was done.
    @Test func aProgressSentenceAfterItsStatusNamingWhatItCounts() throws {
        let rows = [
            ["序号", "项目内容", "年度目标", "落实情况"],
            ["1", "结直肠癌筛查", "7400人", "已完成。 完成筛查人数3495人,完成率47.23%。"],
            ["2", "应急救护培训", "235人", "已完成。完成培训人数188人,完成进度80%。"],
            ["3", "流感疫苗接种", "24723人", "已完成。已制定并下发工作方案。"],
        ]
        let table = try TableFixture.table(rows)
        let completed = CheckedTable(table).rows.map { $0.values[ValueKey(.completed)]?.quantity.quantity?.value }
        #expect(completed == [3495, 188, nil])
        var wrong = rows
        wrong[2][3] = "已完成。完成培训人数188人,完成进度90%。"
        let (_, findings) = try TableFixture.check(wrong)
        #expect(Self.codes(findings) == ["rate-mismatch D3"], "\(findings.map(\.message))")
    }

    @Test func aTableWithNoFigureColumnStatesItsTargetsInItsWording() throws {
        let rows = [
            ["序号", "民生实事", "责任单位", "完成时限"],
            ["1", "新建2座人行天桥。", "县住建局", "9月投入使用"],
            ["2", "启动县图书馆新馆建设。", "县文体广新局", "12月底前"],
            ["3", "完成棚户区改造2836户。", "县住建局", "12月底前"],
            ["4", "提高困难残疾人护理补贴发放标准不低于每人每月60元", "县民政局", "12月底前"],
            ["5", "启动第十二小学建设", "县教科局", "12月底前"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        let reading = try #require(result.readings.first)
        // A deadline is no figure.
        #expect(reading.columns.first { $0.letter == "D" }?.role == "note")
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let checked = CheckedTable(try TableFixture.table(rows))
        let targets = checked.rows.map { $0.values[ValueKey(.target)]?.quantity.quantity?.value }
        // (A standard per person per month and a numeral inside a name are no counts.)
        #expect(targets == [2, nil, 2836, nil, nil])
        var wrong = rows
        wrong[3][1] = "完成棚户区改造-2836户。"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(Self.codes(errors) == ["negative-value B4"], "\(errors.map(\.message))")
    }

    @Test func aRateAfterAnIndicatorsColumnIsItsRateAndNamesItsCompletion() throws {
        let rows = [
            ["序号", "省份", "新开工小区数(个)", "开工率"],
            ["1", "上海", "329", "全部开工"],
            ["2", "江苏", "1595", "全部开工"],
            ["3", "天津", "200", "72.7%"],
            ["合计", "", "2124", "97%"],
        ]
        let (result, findings) = try TableFixture.check(rows, merges: ["A5:B5"])
        let reading = try #require(result.readings.first)
        #expect(reading.groups.map { $0.columns.map(\.role) } == [["completed", "rate"]])
        #expect(reading.total?.label == "合计")
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        var wrong = rows
        wrong[2][2] = "1559"
        let (_, errors) = try TableFixture.check(wrong, merges: ["A5:B5"])
        #expect(Self.codes(errors) == ["completed-total-mismatch C5"], "\(errors.map(\.message))")
    }

    @Test func aRatioThatNamesOtherFiguresIsAnIndicatorOfItsOwnNotTheRateOfTheColumnBeforeIt() throws {
        let (result, findings) = try TableFixture.check([
            ["序号", "单位", "老年人口数(人)", "床位数与老年人口比例", "新增床位指标数(张)"],
            ["1", "陆家嘴功能区", "90191", "0.82%", "550"],
            ["2", "金桥功能区", "72716", "2.18%", "300"],
            ["合计", "", "162907", "1.44%", "850"],
        ], merges: ["A4:B4"])
        let reading = try #require(result.readings.first)
        #expect(reading.groups.map { $0.columns.map(\.letter) } == [["C"], ["D"], ["E"]])
        // (A ratio is no sum: its total is not the areas' sum.)
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
    }

    @Test func twoIndicatorsHeadedAlikeAreTwoItemsInCheckAndConvert() async throws {
        let rows = [
            ["乡镇", "保障", "保障", "特困人数"],
            ["高明乡", "78", "94", "2"],
            ["清塘铺镇", "70", "100", "1"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        let reading = try #require(result.readings.first)
        #expect(reading.groups.map(\.indicator) == ["保障（B列）", "保障（C列）", "特困人数"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        // convert keeps both: no figure of one is taken for the other's (conflicting-values).
        let converted = try await Engine.standard().convert(ConvertRequest(inputs: [TableFixture.source(rows)], output: .memory))
        #expect(converted.report.findings.isEmpty, "\(converted.report.findings.map(\.message))")
    }

    @Test func aRateSaidInWordsIsAStatementNotAnUnreadFigure() throws {
        let (_, findings) = try TableFixture.check([
            ["序号", "指标", "单位", "目标", "完成", "完成率"],
            ["1", "城镇新增就业", "人", "1000", "900", "90%"],
            ["2", "城乡低保人均补助水平提高", "元", "60", "60", "达到目标60元"],
            ["3", "技能培训", "人", "500", "450", "九成"],
        ])
        #expect(Self.codes(findings) == ["unparsed-value F4"], "\(findings.map(\.message))")
    }

    @Test func anIndicatorWithAWordedTargetAndAnAreaWithNoShareAreRead() throws {
        let (result, findings) = try TableFixture.check([
            ["地区", "建成投用市公共实训基地", "劳务品牌培训(人)", "家政从业人员培训(人)"],
            ["责任单位", "市人力资源社会保障局", "市人力资源社会保障局", "市商务局"],
            ["全市", "完成年度目标任务", "550", "1100"],
            ["市本级", "", "", ""],
            ["东坡区", "", "150", "750"],
            ["彭山区", "", "400", "400"],
        ])
        let reading = try #require(result.readings.first)
        #expect(reading.areas == ["市本级", "东坡区", "彭山区"])
        #expect(reading.groups.map(\.indicator) == ["建成投用市公共实训基地", "劳务品牌培训", "家政从业人员培训"])
        #expect(Self.codes(findings) == ["total-mismatch D3"], "\(findings.map(\.message))")
    }

    @Test func aCityNamedBeforeItsPartsIsTheirTotalWhenItsFiguresAllowIt() throws {
        // 苏州市 before districts named without their endings: the total, and checked.
        let (result, findings) = try TableFixture.check([
            ["序号", "指标名称", "单位", "苏州市", "张家港", "常熟", "吴江区"],
            ["1", "城镇新增就业", "人", "1000", "600", "300", "100"],
            ["2", "地区生产总值", "增幅(%)", "7左右", "7以上", "7.5", "7左右"],
            ["3", "全社会固定资产投资", "亿元", "与上年持平", "与上年持平", "同口径增长5%", "与上年持平"],
            ["4", "技能培训", "人", "500", "200", "200", "50"],
        ])
        #expect(result.readings.first?.total?.label == "苏州市")
        // (Growth rates are no sums, a growth against last year no amount.)
        #expect(Self.codes(findings) == ["total-mismatch D5"], "\(findings.map(\.message))")
        // A county-level 吉首市 before counties with larger figures is one of them.
        let (counties, _) = try TableFixture.check([
            ["项目", "吉首市", "泸溪县", "凤凰县"],
            ["投资", "82.5", "42.6", "156.7"],
            ["项目个数", "57", "27", "58"],
        ])
        #expect(counties.readings.first?.total == nil)
        #expect(counties.readings.first?.areas == ["吉首市", "泸溪县", "凤凰县"])
    }

    @Test func numberedSubItemsNeverAddUpToMoreThanTheirItem() throws {
        let rows = [
            ["指标名称", "计量单位", "全部完成面积"],
            ["一、人工造林", "公顷", "7123"],
            ["二、封山育林", "公顷", "9303"],
            ["1.无林地封山育林", "公顷", "1534"],
            ["2.有林地封山育林", "公顷", "7236"],
            ["3.新造幼林地封山育林", "公顷", "533"],
            ["三、城镇新增就业", "人", "1000"],
            ["1.失业人员再就业", "人", "300"],
            ["2.就业困难人员就业", "人", "100"],
        ]
        // The parts of 封山育林 add up; 就业's are some of it (其中), less than the whole.
        let (_, findings) = try TableFixture.check(rows)
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        var wrong = rows
        wrong[4][2] = "7263"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(Self.codes(errors) == ["completed-total-mismatch C3"], "\(errors.map(\.message))")
    }

    @Test func aTotalColumnAddsUpTheColumnsItTotalsInEachAreasRow() throws {
        // 合计 · 补助资金 totals every 补助资金, 合计 · 户数 every 户数 — the names say which, the
        // figures confirm; 特困供养金 · 护理补贴 · 合计: the run right before it.
        let rows = [
            ["乡镇", "C级", "", "D级", "", "合计", ""],
            ["", "户数", "补助资金", "户数", "补助资金", "户数", "补助资金"],
            ["桂阳街道", "1", "0.75", "3", "6.3", "4", "7.05"],
            ["桂溪街道", "2", "1.5", "2", "4.2", "4", "5.7"],
            ["新民镇", "", "", "2", "4.2", "2", "4.2"],
            ["沙坪镇", "1", "0.75", "1", "2.1", "2", "2.85"],
        ]
        let merges = ["A1:A2", "B1:C1", "D1:E1", "F1:G1"]
        let (_, findings) = try TableFixture.check(rows, merges: merges)
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        var wrong = rows
        wrong[3][6] = "5.9"
        let (_, errors) = try TableFixture.check(wrong, merges: merges)
        #expect(Self.codes(errors) == ["total-mismatch G4"], "\(errors.map(\.message))")
        let (_, run) = try TableFixture.check([
            ["镇(街道办)", "户数", "人数", "特困供养金", "护理补贴", "合计"],
            ["山化", "30", "31", "49600", "13200", "62800"],
            ["邙岭", "31", "31", "49600", "17520", "67120"],
            ["首阳山", "18", "18", "28800", "6480", "35380"],
        ])
        #expect(Self.codes(run) == ["total-mismatch F4"], "\(run.map(\.message))")
    }

    @Test func aTargetWrittenIn万BesideABareCompletionIsOneScaleInCheckAndConvert() throws {
        // 10000万 beside 7965 reported as 80%: both in 万; with no rate, 500万 beside 320 too
        // (read as it stands, 320 of 5000000 would be 0.0064%).
        let rows = [
            ["项目", "目标任务", "实际完成", "完成率"],
            ["征缴基金", "10000万", "7965", "80%"],
            ["棚改资金", "500万", "320", ""],
            ["城镇新增就业", "1000", "800", "80%"],
        ]
        let table = try TableFixture.table(rows)
        let checked = CheckedTable(table)
        let targets = checked.rows.map { $0.figure(ValueKey(.target))?.value }
        #expect(targets == [10_000, 500, 1_000])
        #expect(checked.rows.map { $0.figure(ValueKey(.target))?.unit } == ["万", "万", nil])
        let (_, findings) = try TableFixture.check(rows)
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
    }

    @Test func aListFoldedIntoBlocksSideBySideIsReadWhole() throws {
        let rows = [
            ["乡镇/街道办事处名称", "完成筛查数(人)", "乡镇/街道办事处名称", "完成筛查数(人)"],
            ["辕门口街道办事处", "430", "水西门街道办事处", "233"],
            ["湾头桥镇", "220", "晏田乡", "66"],
            ["文坪镇", "114", "", ""],
            ["合计", "1063", "", ""],
        ]
        let (result, findings) = try TableFixture.check(rows)
        let reading = try #require(result.readings.first)
        #expect(reading.areas == ["辕门口街道办事处", "湾头桥镇", "文坪镇", "水西门街道办事处", "晏田乡"])
        #expect(reading.columns.map(\.letter) == ["A", "B", "C", "D"])
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        var wrong = rows
        wrong[2][3] = "60"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(Self.codes(errors) == ["completed-total-mismatch B5"], "\(errors.map(\.message))")
    }

    @Test func aRowWithFiguresButNoNameIsNamed() throws {
        let (_, findings) = try TableFixture.check([
            ["项目", "目标", "完成"],
            ["", "50", "40"],
            ["城镇新增就业", "100", "90"],
        ])
        // (A blank name under an item is that item's sub-row, as before.)
        #expect(Self.codes(findings) == ["unread-row B2"])
    }
}

extension ReadingRuleTests {
    @Test func aCeilingOrARateMayFallMonthOverMonthARunningTotalMayNot() throws {
        let checker = try Checker()
        let header = ["项目", "单位", "年度目标", "完成数"]
        let then = TableFixture.source([header, ["城镇登记失业率低于", "%", "4.5", "4.2"], ["城镇新增就业", "人", "1000", "800"]], name: "1-8月")
        let now = TableFixture.source([header, ["城镇登记失业率低于", "%", "4.5", "4.17"], ["城镇新增就业", "人", "1000", "790"]], name: "1-9月")
        let previous = try PreviousReport.read(then, finder: checker.finder)
        let (_, findings) = checker.check(source: now, previous: previous)
        #expect(Self.codes(findings) == ["completed-decreased D3"], "\(findings.map(\.message))")
    }
}
