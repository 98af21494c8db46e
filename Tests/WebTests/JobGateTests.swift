import MinshengWeb
import XCTest

/// The gate: `jobs` at work, `queue` waiting, the rest refused; a freed slot goes to the first waiter.
final class JobGateTests: XCTestCase {
    func testAdmitsJobsPlusQueueThenRefuses() async throws {
        let gate = JobGate(jobs: 1, queue: 1)
        let first = try await gate.admit()
        let second = try await gate.admit()
        do {
            _ = try await gate.admit()
            XCTFail("a third request was admitted")
        } catch let failure as WebFailure {
            XCTAssertEqual(failure.status, .serviceUnavailable)
        }
        try await gate.start(first)
        let waiter = Task { try await gate.start(second) }
        try await Task.sleep(for: .milliseconds(50))
        var load = await gate.load
        XCTAssertEqual(load.working, 1)
        await gate.leave(first)
        try await waiter.value
        load = await gate.load
        XCTAssertEqual(load.working, 1, "the waiter took the freed slot")
        XCTAssertEqual(load.admitted, 1)
        await gate.leave(second)
        load = await gate.load
        XCTAssertEqual(load.working, 0)
        XCTAssertEqual(load.admitted, 0)
        _ = try await gate.admit()
    }

    func testACancelledWaiterLeavesTheQueue() async throws {
        let gate = JobGate(jobs: 1, queue: 2)
        let holder = try await gate.admit()
        try await gate.start(holder)
        let ticket = try await gate.admit()
        let waiter = Task { try await gate.start(ticket) }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        do {
            try await waiter.value
            XCTFail("the cancelled waiter started")
        } catch is CancellationError {}
        await gate.leave(ticket)
        await gate.leave(holder)
        let load = await gate.load
        XCTAssertEqual(load.working, 0)
        XCTAssertEqual(load.admitted, 0)
    }
}
