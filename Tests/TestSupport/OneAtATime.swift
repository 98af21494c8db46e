import Testing

/// Runs the tests it marks one at a time, whatever their suites: the web's route tests, each of
/// which builds a server of its own and runs real checks, and some time their answers. Waiting
/// for a turn holds no thread; the other tests still run in parallel beside them.
///
/// ```swift
/// @Suite(.oneAtATime) final class RouteTests { … }
/// ```
public struct OneAtATime: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // A suite as a whole takes no turn; each of its test cases does.
        guard testCase != nil else { return try await function() }
        await Turns.shared.take()
        do {
            try await function()
        } catch {
            await Turns.shared.give()
            throw error
        }
        await Turns.shared.give()
    }
}

extension Trait where Self == OneAtATime {
    /// One marked test at a time, whatever its suite.
    public static var oneAtATime: Self { Self() }
}

/// The turns: one test holds it, the others wait in order.
private actor Turns {
    static let shared = Turns()
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
