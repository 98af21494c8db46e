import Foundation
import TestSupport
import Testing

@testable import Minsheng

/// A completion rate that is a formula without a cached value (a return filled by openpyxl): no
/// warning when it divides its own row's completed figure by its target, a warning naming the
/// formula when it divides another row's, the plain warning otherwise.
struct RateFormulaTests {
    @Test(arguments: [
        ("F4/E4", true), ("=F4/E4", true), (#"IFERROR(F4/E4,"")"#, true), ("=$F$4/$E$4", true),
        ("ROUND(F4/E4*100,2)", true), ("iferror(round(f4 / e4, 4), 0)", true), ("(F4/E4)*100", true),
        ("100*F4/E4", true), (#"IFERROR((F4)/E4,"")"#, false), ("F4/E5", false), ("E4/F4", false),
        ("F4/E4+1", false), ("SUM(F4:F9)/E4", false), ("F4/E4*90", false), ("ROUND(F4/E4,x)", false),
        ("(F4)/(E4)", false), ("IFERROR(F4/E4)", false), ("Sheet2!F4/E4", false), ("", false),
        (#"=IF(F4="","",IFERROR(F4/E4,""))"#, true), (#"IF(E4=0,"-",F4/E4)"#, true), (#"IF(AND(E4>0,F4<>""),F4/E4,"")"#, true),
        (#"IF(ISBLANK(F4),"",F4/E4)"#, true), (#"IF(E4>0,F4/E4,0)"#, true), (#"IF(G9="","",F4/E4)"#, false),
        (#"IF(F4="",F5/E5,F4/E4)"#, false), (#"IF(F4="","",F4/E4*2)"#, false), (#"IF(SUM(F4:F9)>0,F4/E4,"")"#, false),
    ])
    func readsTheRatio(_ formula: String, _ own: Bool) {
        let divides = RateFormula.ratio(formula).map { $0.numerator == "F4" && $0.denominator == "E4" } ?? false
        #expect(divides == own, "\(formula)")
    }

    @Test func otherRowsAreNamed() {
        #expect(RateFormula.ratio(#"IFERROR(F27/E27,"")"#).map { [$0.numerator, $0.denominator] } == ["F27", "E27"])
        #expect(RateFormula.ratio("F27/E27/2") == nil)
    }

    /// The returns filled by openpyxl from split's templates keep the templates' own rate
    /// formulas: no warning. The one whose rows were sorted after the formulas were written gets
    /// one per moved rate, naming the formula.
    @Test func returnsFilledByAProgramWarnOnlyWhereTheFormulaPointsElsewhere() throws {
        let checker = try Checker()
        let returns = TestPaths.samples.appendingPathComponent("returns")
        for name in ["涡阳县.xlsx", "谯城区.xlsx", "涡阳县-初稿.xlsx"] {
            let (_, findings) = checker.check(file: returns.appendingPathComponent(name).path)
            #expect(!findings.contains { $0.code == .formulaWithoutValue }, "\(name)")
        }
        let (_, sorted) = checker.check(file: returns.appendingPathComponent("利辛县.xlsx").path)
        let moved = sorted.filter { $0.code == .formulaWithoutValue }
        #expect(moved.count > 10)
        let first = try #require(moved.first { $0.cell == "G4" })
        #expect(first.message.contains(#"IFERROR(F27/E27,"")"#))
        #expect(first.message.contains("第 27 行而非本行"))
    }
}
