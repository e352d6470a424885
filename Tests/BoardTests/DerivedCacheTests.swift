import Foundation
import Testing
import EscalationKit
@testable import Board

/// The cached facts always equal a fresh reading: after time passes, after a change, in copies.
@Suite struct DerivedCacheTests {
    static func fresh(_ state: BoardState) -> [Status: [EscalationID]] {
        let columns = BoardColumns(ledger: state.ledger, policy: state.policy, now: state.now)
        return Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, columns[$0].map(\.id)) })
    }

    static func cached(_ state: BoardState) -> [Status: [EscalationID]] {
        Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, state.columns[$0].map(\.id)) })
    }

    static func demo() -> BoardState {
        var ledger = Ledger()
        for event in DemoData.events(count: 400, open: 120, seed: 7, now: Fixture.now, policy: .standard) { try! ledger.apply(event) }
        return BoardState(ledger: ledger, policy: .standard, now: Fixture.now, storeName: "demo")
    }

    @Test func matchesAFreshReadingAsTheClockRunsForAWeek() {
        var state = Self.demo()
        var moment = Fixture.now
        var moved = 0
        for _ in 0..<(7 * 24 * 4) {
            moment = moment.addingTimeInterval(15 * 60)
            let before = Self.cached(state)
            _ = state.handle(.tick(moment))
            let after = Self.cached(state)
            if before != after { moved += 1 }
            #expect(after == Self.fresh(state))
        }
        #expect(moved > 0, "the clock must have moved some card (stalls, closed cards leaving)")
    }

    @Test func headerTotalsMatchAFreshCount() {
        let state = Self.demo()
        let clocks = Clocks(policy: state.policy)
        let open = state.ledger.escalations.values.filter(\.isOpen)
        let breached = open.filter { clocks.mostUrgent($0, at: state.now)?.state == .breached }.count
        #expect(state.facts.openCount == open.count)
        #expect(state.facts.breachedCount == breached)
    }

    @Test func followsAChangeAndCopiesNeverShareStaleFacts() {
        var state = Self.demo()
        let copy = state
        let e = state.columns[.routed].first!
        let event = Event(sequence: state.ledger.lastSequence + 1, time: Fixture.now, actor: "bob", escalation: e.id,
                          expectedRevision: e.revision, change: .acknowledged(owner: "bob"))
        _ = state.handle(.committed([event]))
        #expect(state.columns.place(of: e.id)?.status == .acknowledged)
        #expect(copy.columns.place(of: e.id)?.status == .routed)
        #expect(Self.cached(state) == Self.fresh(state))
        #expect(Self.cached(copy) == Self.fresh(copy))
    }

    @Test func goingBackInTimeRecomputes() {
        var state = Self.demo()
        _ = state.handle(.tick(Fixture.now.addingTimeInterval(5 * 86_400)))
        _ = state.handle(.tick(Fixture.now))
        #expect(Self.cached(state) == Self.fresh(state))
    }
}
