@testable import Minsheng
import TestSupport
import Testing

/// A column of the sums of others, with the areas in rows: named as no total (五年任务 after
/// 2011年 … 2015年) the figures say it is one; named as a total before its parts (合计 ·
/// 其中:中央资金 · 其中:省级资金) it totals them.
struct SumColumnTests {
    static let years: [[String]] = [
        ["省份", "2011年", "2012年", "2013年", "2014年", "五年任务"],
        ["北京", "100", "120", "150", "150", "520"],
        ["天津", "80", "80", "90", "100", "350"],
        ["河北", "500", "600", "700", "800", "2600"],
        ["山西", "300", "300", "300", "300", "1200"],
    ]

    @Test func aColumnTheFiguresSayIsASumIsChecked() throws {
        let (_, correct) = try TableFixture.check(Self.years)
        #expect(correct.isEmpty, "\(correct.map(\.message))")
        var rows = Self.years
        rows[3][5] = "2500"
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch F4"])
    }

    @Test func columnsThatAddUpByChanceInTwoRowsAreNoSum() throws {
        let rows = [
            ["省份", "新建", "改建", "床位"],
            ["北京", "1", "2", "3"],
            ["天津", "2", "2", "4"],
            ["河北", "5", "6", "40"],
            ["山西", "3", "3", "25"],
        ]
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func aTotalBeforeItsPartsIsChecked() throws {
        var rows = [
            ["县区", "投资额合计", "其中:中央资金", "其中:省级资金"],
            ["金安区", "1014.1", "608.5", "405.6"],
            ["裕安区", "500", "300", "200"],
            ["霍邱县", "800", "500", "300"],
        ]
        let (_, correct) = try TableFixture.check(rows)
        #expect(correct.isEmpty, "\(correct.map(\.message))")
        rows[1][2] = "680.5"
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch B2"])
    }

    /// 共计 after counts and sums of money side by side totals the earlier columns of one kind
    /// (the two 补助金额), whichever adds up.
    @Test func aTotalOfTheColumnsOfOneKind() throws {
        var rows = [
            ["乡镇(街道)", "孤儿补助人数", "孤儿补助金额", "困境儿童补助人数", "困境儿童补助金额", "共计"],
            ["桥头镇", "1", "1469", "48", "52580", "54049"],
            ["桥下镇", "4", "5876", "29", "30421", "36297"],
            ["金溪镇", "0", "0", "14", "15532", "15532"],
            ["界坑乡", "0", "0", "5", "5808", "5808"],
        ]
        let (_, correct) = try TableFixture.check(rows)
        #expect(correct.isEmpty, "\(correct.map(\.message))")
        rows[4][5] = "5000"
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch F5"])
    }
}
