import Foundation
import Testing
import EscalationKit
@testable import Board

/// `z`: the user's own last change taken back by a compensating event.
@Suite struct UndoTests {
    @Test func zUndoesTheBoardsOwnLastChangeAsANewEvent() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character("a"))
        state.type("mike")
        state.perform(state.press(.enter))
        #expect(state.ledger[id]!.status == .acknowledged)
        let acknowledged = state.ledger.lastSequence

        let effects = state.press(.character("z"))
        #expect(effects == [.commit([.undo(sequence: acknowledged)], id)])
        state.perform(effects)
        #expect(state.ledger[id]!.status == .routed && state.ledger[id]!.owner == nil)
        #expect(state.ledger.lastSequence == acknowledged + 1, "history is kept: the undo is a new event")
        #expect(state.selection == id, "the cursor follows the card back")

        #expect(state.press(.character("z")).isEmpty)
        #expect(state.message == .init("Nothing of yours to undo from this board.", isError: true))
    }

    @Test func successiveUndosTakeBackEarlierChanges() {
        var state = Fixture.state()
        let id = state.selection!
        for line in ["ack mike", "note looking", "assign priya"] {
            state.press(.character(":"))
            state.type(line)
            state.perform(state.press(.enter))
        }
        #expect(state.ledger[id]!.owner == "priya")
        state.perform(state.press(.character("z")))
        #expect(state.ledger[id]!.owner == "mike")
        state.perform(state.press(.character(":")))
        state.type("undo")
        state.perform(state.press(.enter))
        state.perform(state.press(.character("z")))
        #expect(state.ledger[id]!.status == .routed)
    }

    @Test func changesByOthersAreNotTheBoardsToUndo() {
        var state = Fixture.state()
        let id = state.selection!
        var ledger = state.ledger
        var event = try! Lifecycle(policy: state.policy).decide(.acknowledge(owner: "dana"), on: id, in: ledger, at: state.now, actor: "dana")
        event.sequence = ledger.lastSequence + 1
        try! ledger.apply(event)
        _ = state.handle(.storeChanged([event], reloaded: false, ledger: ledger))
        #expect(state.press(.character("z")).isEmpty)
    }

    @Test func aRefusedUndoSaysWhy() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character(":"))
        state.type("note first")
        state.perform(state.press(.enter))
        // Someone else changes it after: only the latest change may be undone.
        var ledger = state.ledger
        var event = try! Lifecycle(policy: state.policy).decide(.note("other"), on: id, in: ledger, at: state.now, actor: "dana")
        event.sequence = ledger.lastSequence + 1
        try! ledger.apply(event)
        _ = state.handle(.storeChanged([event], reloaded: false, ledger: ledger))
        state.perform(state.press(.character("z")))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("only the latest change can be undone") == true)
    }
}
