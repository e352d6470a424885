import EscalationKit
import Foundation
import Testing
@testable import Board

/// The detail timeline says who really acted when someone acted under another name.
@Suite struct DetailHistoryTests {
    @Test func anEventWrittenByAnotherLoginReadsActorByLogin() throws {
        var state = Fixture.state()
        let id = EscalationID(year: 2026, number: 1)
        var ledger = state.ledger
        let revision = try #require(ledger[id]?.revision)
        try ledger.apply(Event(sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "alice", escalation: id,
                               expectedRevision: revision, change: .progressNoted(note: "checked", endedStall: nil), login: "bob"))
        try ledger.apply(Event(sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "carla", escalation: id,
                               expectedRevision: revision + 1, change: .progressNoted(note: "own", endedStall: nil), login: "carla"))
        state.ledger = ledger
        let e = try #require(ledger[id])
        let text = DetailView.lines(for: e, state: state, width: 200).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("alice (by bob): "))
        #expect(text.contains("carla: "))
        #expect(!text.contains("carla (by"))
        // Events from before logins were recorded (the fixture's) read as before.
        #expect(text.contains("alice: "))
    }
}
