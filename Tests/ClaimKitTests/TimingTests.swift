import ClaimKit
import Foundation
import Testing

@Suite struct TimingTests {
    /// With no time budget, exactly the minimum number of calls is made.
    @Test func makesTheMinimumNumberOfCalls() {
        var calls = 0
        _ = bestSeconds(calls: 5, budget: 0) { calls += 1 }
        #expect(calls == 5)
    }

    /// The result is the fastest call: one slow call among fast ones does not count.
    @Test func returnsTheFastestCall() {
        var calls = 0
        let best = bestSeconds(calls: 4, budget: 0) {
            calls += 1
            if calls == 1 { usleep(50_000) }
        }
        #expect(best < 0.02)
        #expect(best >= 0)
    }

    /// Calls continue until the budget is spent.
    @Test func spendsTheBudget() {
        var calls = 0
        _ = bestSeconds(calls: 1, budget: 0.05) { calls += 1; usleep(10_000) }
        #expect(calls >= 5)
    }

    /// An error from the body reaches the caller.
    @Test func passesErrorsOn() {
        struct Boom: Error {}
        #expect(throws: Boom.self) { _ = try bestSeconds { throw Boom() } }
    }

    /// Interleaved rounds: each body runs once per round, the minimum of each is returned.
    @Test func interleavedRoundsGiveEachBodyItsFastestCall() throws {
        var order: [Int] = []
        var calls = 0
        let best = try bestSeconds(each: [{ order.append(0) }, { order.append(1); calls += 1; if calls == 1 { usleep(30_000) } }], rounds: 3, budget: 0)
        #expect(order == [0, 1, 0, 1, 0, 1])
        #expect(best.count == 2 && best[1] < 0.02)
    }
}
