import Testing

/// Runs the route tests one at a time across their suites: each builds a server of its own and
/// runs real checks, and together they would crowd the other targets' suites, which bound the
/// time of hostile reads (`HangBound`). Waiting for a turn holds no thread.
///
/// ```swift
/// @Suite(.oneWebTestAtATime) final class RouteTests { … }
/// ```
struct OneWebTestAtATime: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // A suite as a whole takes no turn; each of its test cases does.
        guard testCase != nil else { return try await function() }
        await WebTestTurns.shared.take()
        do {
            try await function()
        } catch {
            await WebTestTurns.shared.give()
            throw error
        }
        await WebTestTurns.shared.give()
    }
}

extension Trait where Self == OneWebTestAtATime {
    /// One route test at a time, whatever its suite.
    static var oneWebTestAtATime: Self { Self() }
}

/// The turns: one test holds it, the others wait in order.
private actor WebTestTurns {
    static let shared = WebTestTurns()
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func take() async {
        guard taken else {
            taken = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty { taken = false } else { waiting.removeFirst().resume() }
    }
}
