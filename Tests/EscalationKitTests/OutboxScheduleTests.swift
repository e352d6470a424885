import EscalationKit
import Foundation
import Testing

/// The outbox's backoff and its statuses, folded from records, at golden times.
@Suite struct OutboxScheduleTests {
    let t0 = Date(timeIntervalSince1970: 1_773_133_200) // 2026-03-10T09:00:00Z
    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    var delivery: OutboxDelivery {
        OutboxDelivery(key: "ESC-2026-0001|1|routed", kind: "routed", escalation: "ESC-2026-0001", command: "/bin/hook", payload: "{}", queued: t0, sequence: 1)
    }

    @Test func theWaitDoublesFromAMinuteToAnHour() {
        let s = RetrySchedule()
        #expect((1...8).map { s.delay(afterFailures: $0) } == [60, 120, 240, 480, 960, 1920, 3600, 3600])
        #expect(s.window == 24 * 3600)
        var policy = Policy.standard
        policy.hookRetryHours = 2
        #expect(RetrySchedule(policy: policy).window == 7200)
    }

    @Test func aHookThatFailsTwiceThenSucceeds() {
        let s = RetrySchedule()
        var state = OutboxState([.queued(delivery)])
        let id = delivery.id
        #expect(state[id]?.status(s) == .pending)
        #expect(state.due(at: t0, s).map(\.delivery.id) == [id])
        state.apply(.attempt(id: id, at: t0, failure: "exited with status 1"))
        #expect(state[id]?.status(s) == .failed)
        #expect(state[id]?.nextAttempt(s) == at(1))
        #expect(state.due(at: at(0.99), s).isEmpty)
        state.apply(.attempt(id: id, at: at(1), failure: "timed out after 10 s"))
        #expect(state[id]?.nextAttempt(s) == at(3))
        #expect(state[id]?.lastFailure == "timed out after 10 s")
        state.apply(.attempt(id: id, at: at(3), failure: nil))
        #expect(state[id]?.status(s) == .delivered)
        #expect(state[id]?.nextAttempt(s) == nil)
        #expect(state.due(at: at(10_000), s).isEmpty)
    }

    @Test func deadAfterTheWindowAndRevivedByARetry() {
        let s = RetrySchedule(window: 3600)
        var state = OutboxState([.queued(delivery)])
        let id = delivery.id
        // Tries at 0, 1, 3, 7, 15, 31 minutes; the next would be at 63, past the hour: dead.
        for minute in [0.0, 1, 3, 7, 15] {
            state.apply(.attempt(id: id, at: at(minute), failure: "exited with status 1"))
            #expect(state[id]?.status(s) == .failed)
        }
        #expect(state[id]?.nextAttempt(s) == at(31))
        state.apply(.attempt(id: id, at: at(31), failure: "exited with status 1"))
        #expect(state[id]?.status(s) == .dead)
        #expect(state.due(at: at(600), s).isEmpty)
        state.apply(.retry(id: id, at: at(600)))
        #expect(state[id]?.status(s) == .pending)
        #expect(state[id]?.nextAttempt(s) == at(600))
        state.apply(.attempt(id: id, at: at(600), failure: "exited with status 1"))
        #expect(state[id]?.nextAttempt(s) == at(601), "a retry starts the backoff over")
    }

    @Test func queuedTwiceIsKeptOnceAndTheMarkOnlyMovesOn() {
        var again = delivery
        again.queued = at(5)
        let state = OutboxState([.queued(delivery), .seen(sequence: 4), .queued(again), .seen(sequence: 2)])
        #expect(state.entries.count == 1)
        #expect(state.entries[0].delivery.queued == t0)
        #expect(state.seen == 4)
        #expect(state.contains(key: delivery.key, command: "/bin/hook"))
        #expect(!state.contains(key: delivery.key, command: "/bin/other"))
        #expect(OutboxDelivery.id(key: "a", command: "b") == OutboxDelivery.id(key: "a", command: "b"))
        #expect(OutboxDelivery.id(key: "a", command: "b").count == 12)
    }
}
