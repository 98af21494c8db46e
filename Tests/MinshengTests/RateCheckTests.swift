import Foundation
@testable import Minsheng
import Testing

/// The completion-rate facts of seeds 000 and 003.
struct RateCheckTests {
    func verdict(_ reported: String, _ decimals: Int, _ completed: Decimal, _ target: Decimal) -> RateVerdict {
        RateCheck.compare(reported: Decimal(string: reported)!, decimals: decimals, completed: completed, target: target)
    }

    @Test func roundedRatesAreConsistent() {
        #expect(verdict("12", 0, 3000, 24185) == .consistent)  // 12.40%
        #expect(verdict("139", 0, Decimal(string: "19.52")!, 14) == .consistent)  // 139.43%
        #expect(verdict("0", 0, 0, 56) == .consistent)
        #expect(verdict("65.43", 2, 229, 350) == .consistent)
        #expect(verdict("113.68", 2, 108, 95) == .consistent)
    }

    @Test func aTruncatedRateIsOnlyTruncation() {
        guard case .truncationOnly = verdict("104", 0, 827, 790) else {
            Issue.record("827/790 = 104.68% printed 104% should be truncation only")
            return
        }
    }

    @Test func aRateOffByLessThanOneUnitIsANearMiss() {
        guard case .nearMiss = verdict("102", 0, 81, 80) else {
            Issue.record("81%/80% = 101.25% printed 102% should be a near miss")
            return
        }
    }

    @Test func aWrongRateIsAMismatch() {
        guard case .mismatch(let expected) = verdict("111", 0, 7568, 7400) else {
            Issue.record("7568/7400 printed 111% should be a mismatch")
            return
        }
        #expect(abs(NSDecimalNumber(decimal: expected).doubleValue - 102.27) < 0.01)
        guard case .mismatch = verdict("116.67", 2, 67, 60) else {
            Issue.record("67%/60% = 111.67% printed 116.67% should be a mismatch")
            return
        }
    }

    @Test func aZeroTargetCannotBeChecked() {
        #expect(verdict("100", 0, 5, 0) == .notCheckable)
    }

    @Test func countsPrintedDecimals() {
        #expect(RateCheck.printedDecimals("116.67%") == 2)
        #expect(RateCheck.printedDecimals("12%") == 0)
        #expect(RateCheck.printedDecimals("１０４．５％") == 1)
    }
}
