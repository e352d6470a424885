import Foundation
import Testing
import EscalationKit
@testable import Board

/// The level of the escalation chain a card has reached ("↑2"), and in the detail where the chain
/// stands and who the outbox says was told — from ChainSchedule and the notices handed in.
@Suite struct ChainLevelTests {
    /// Tuesday 2026-03-10 15:00 Berlin: a high product defect has 4 business hours to be acknowledged.
    static let opened = Date(timeIntervalSince1970: 1_773_151_200) // 2026-03-10T14:00:00Z
    static let id = EscalationID(year: 2026, number: 1)

    static func state(at now: Date, acknowledged: Bool = false, unicode: Bool = true, size: Size = Size(width: 80, height: 24)) -> BoardState {
        var ledger = Ledger()
        let draft = Draft(title: "Reports time out", account: Account(name: "Acme Corp", arr: Money(85_000)), category: .productDefect,
                          severity: .high, tier: .standard, team: "engineering",
                          brief: Brief(impact: "Forty users blocked.", description: "Exports fail.", ask: Ask(kind: .fix, text: "Fix it")))
        try! ledger.apply(Event(sequence: 1, time: opened, actor: "alice", escalation: id, expectedRevision: 0, change: .created(draft)))
        if acknowledged {
            try! ledger.apply(Event(sequence: 2, time: opened.addingTimeInterval(600), actor: "mike", escalation: id,
                                    expectedRevision: 1, change: .acknowledged(owner: "mike")))
        }
        return BoardState(ledger: ledger, policy: .standard, now: now, storeName: "team-store", size: size, unicode: unicode)
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func theCardShowsTheLevelFromTheSecondOn() {
        // Level 2 (the lead) at half the target: Tuesday 17:00 Berlin.
        #expect(!BoardView.render(Self.state(at: Self.utc("2026-03-10T15:59:59Z"))).plainText.contains("↑2"))
        #expect(BoardView.render(Self.state(at: Self.utc("2026-03-10T16:00:00Z"))).plainText.contains("↑2 │"))
        #expect(CardFacts(Self.state(at: Self.utc("2026-03-10T16:00:00Z")).ledger[Self.id]!, policy: .standard,
                          now: Self.utc("2026-03-10T16:00:00Z")).chainLevel == 2)
        let leadership = Self.state(at: Self.utc("2026-03-11T10:00:00Z"))
        Snapshot.check(BoardView.render(leadership).plainText, named: "chain-level-80x24")
        #expect(BoardView.render(leadership).plainText.contains(" unowned               ↑3 │"))
        #expect(BoardView.render(Self.state(at: Self.utc("2026-03-11T10:00:00Z"), unicode: false)).plainText.contains(" unowned               ^3 |"))
    }

    @Test func anAcknowledgedCardIsOffTheChain() {
        let state = Self.state(at: Self.utc("2026-03-11T10:00:00Z"), acknowledged: true)
        #expect(CardFacts(state.ledger[Self.id]!, policy: .standard, now: state.now).chainLevel == nil)
        #expect(!BoardView.render(state).plainText.contains("↑3"))
    }

    @Test func theDetailSaysWhereTheChainStandsAndWhoWasTold() {
        var state = Self.state(at: Self.utc("2026-03-11T10:30:00Z"), size: Size(width: 120, height: 40))
        _ = state.handle(.chainNoticesRead([Self.id: [
            ChainNotice(level: "level 2 (lead): Engineering lead (none named)", queued: Self.utc("2026-03-10T16:05:00Z"), delivered: true),
            ChainNotice(level: "level 3 (team:cs_leadership): CS leadership", queued: Self.utc("2026-03-11T10:05:00Z"), delivered: false),
        ]]))
        state.press(.enter)
        let text = BoardView.render(state).plainText
        Snapshot.check(text, named: "chain-level-detail-120x40")
        #expect(text.contains("Re-escalated     to level 3 (team:cs_leadership): CS leadership"), "\(text)")
        #expect(text.contains("(not delivered yet)"))
    }
}
