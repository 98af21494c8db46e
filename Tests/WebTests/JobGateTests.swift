import Testing
import TestSupport

@testable import MinshengWeb

/// The gate: `jobs` at work, `queue` waiting, the rest refused; a freed slot goes to the first waiter.
/// Each step awaits the gate's own change (`until`), never a sleep; the hang bound only turns a
/// gate that never changes into a failure.
struct JobGateTests {
    @Test func admitsJobsPlusQueueThenRefuses() async throws {
        let gate = JobGate(jobs: 1, queue: 1)
        let first = try await gate.admit()
        let second = try await gate.admit()
        do {
            _ = try await gate.admit()
            Issue.record("a third request was admitted")
        } catch let failure as WebFailure {
            #expect(failure.status == .serviceUnavailable)
        }
        try await gate.start(first)
        let waiter = Task { try await gate.start(second) }
        try await HangBound.await { await gate.until { $0.waiting == 1 } }
        var load = await gate.load
        #expect(load.working == 1)
        await gate.leave(first)
        try await waiter.value
        load = await gate.load
        #expect(load.working == 1, "the waiter took the freed slot")
        #expect(load.admitted == 1)
        await gate.leave(second)
        load = await gate.load
        #expect(load.working == 0)
        #expect(load.admitted == 0)
        _ = try await gate.admit()
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let gate = JobGate(jobs: 1, queue: 2)
        let holder = try await gate.admit()
        try await gate.start(holder)
        let ticket = try await gate.admit()
        let waiter = Task { try await gate.start(ticket) }
        try await HangBound.await { await gate.until { $0.waiting == 1 } }
        waiter.cancel()
        do {
            try await waiter.value
            Issue.record("the cancelled waiter started")
        } catch is CancellationError {}
        await gate.leave(ticket)
        await gate.leave(holder)
        let load = await gate.load
        #expect(load.working == 0)
        #expect(load.admitted == 0)
    }
}
