import Foundation
import Testing
import EscalationKit
@testable import Board

/// A board whose store connection is lost: "offline — reconnecting" in the header, the last state
/// shown read-only, every commit refused at once (never queued), then back to live with what
/// others changed meanwhile.
@Suite struct OfflineTests {
    static let reason = "The server at the server's socket /tmp/pg/.s.PGSQL.5432 shut the connection down (terminating connection due to administrator command); nothing more was written."

    func offline(_ state: inout BoardState) {
        _ = state.handle(.connectionLost(Self.reason))
    }

    /// Another process's acknowledgement of `id`, as the follower delivers it.
    func changedElsewhere(_ state: BoardState, _ id: EscalationID, owner: String) -> (Event, Ledger) {
        var ledger = state.ledger
        var event = try! Lifecycle(policy: state.policy).decide(.acknowledge(owner: owner), on: id, in: ledger, at: state.now, actor: owner)
        event.sequence = ledger.lastSequence + 1
        try! ledger.apply(event)
        return (event, ledger)
    }

    @Test func theHeaderSaysOfflineAndTheStatusLineWhy() {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        offline(&state)
        #expect(state.offline)
        let screen = BoardView.render(state).plainText
        #expect(screen.components(separatedBy: "\n")[0].contains("○ offline — reconnecting"), "\(screen)")
        #expect(!screen.contains("● live"))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.hasPrefix("Lost the connection to the store; reconnecting, and read-only until then") == true)
        Snapshot.check(BoardView.render(state).plainText, named: "offline-80x24")
        Snapshot.check(BoardView.render(state).styledText, named: "offline-80x24.styled")
    }

    @Test func anASCIITerminalSaysOfflineToo() {
        var state = Fixture.state(size: Size(width: 120, height: 40), unicode: false)
        offline(&state)
        #expect(BoardView.render(state).plainText.components(separatedBy: "\n")[0].contains("o offline - reconnecting"))
    }

    @Test func aLifecycleKeyIsRefusedAtOnceAndNothingIsQueued() {
        var state = Fixture.state()
        let id = state.selection!
        offline(&state)
        state.press(.character("a"))
        state.type("mike")
        let effects = state.press(.enter)
        #expect(effects.isEmpty, "nothing goes to the store: \(effects)")
        #expect(state.saving.isEmpty, "nothing waits to be sent later")
        #expect(state.message == .init(BoardState.offlineRefusal, isError: true))
        #expect(state.ledger[id]?.status == .routed)
        // The answer is offered again once live.
        _ = state.handle(.connectionRestored)
        state.press(.character("a"))
        #expect(state.prompt?.text == "mike")
        #expect(state.press(.enter) == [.commit([.acknowledge(owner: "mike")], id)])
    }

    @Test func aMoveKeyTheCommandLineAndUndoAreRefusedWhileOffline() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character("a"))
        state.type("mike")
        state.perform(state.press(.enter))
        #expect(state.ledger[id]?.status == .acknowledged)
        let acknowledged = state.ledger.lastSequence
        offline(&state)
        #expect(state.press(.character(">")).isEmpty)
        #expect(state.message?.text == BoardState.offlineRefusal)
        state.press(.character(":"))
        state.type("note looking")
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.text == BoardState.offlineRefusal)
        #expect(state.press(.character("z")).isEmpty)
        #expect(state.message?.text == BoardState.offlineRefusal)
        #expect(state.saving.isEmpty)
        // Undo kept its entry: once live, z takes back the acknowledgement.
        _ = state.handle(.connectionRestored)
        #expect(state.press(.character("z")) == [.commit([.undo(sequence: acknowledged)], id)])
    }

    @Test func aFormSaveIsRefusedAndTheFormKeepsWhatWasTyped() {
        var state = SheetFixture.state()
        offline(&state)
        state.press(.character("e"))
        state.press(.control("u"))
        state.typeText("Exports fail for EU tenants")
        let effects = state.press(.enter, .character("s"))
        #expect(!effects.contains { if case .commit = $0 { true } else { false } }, "\(effects)")
        #expect(state.saving.isEmpty)
        #expect(state.message == .init(BoardState.offlineRefusal, isError: true))
        let form = SheetFixture.form(state)
        #expect(form?.phase == .editing, "back to the form, not saving")
        #expect(form?.values[.title] == "Exports fail for EU tenants")
    }

    @Test func aCommitAlreadyOnItsWayIsStillAnsweredInOrder() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character("a"))
        state.type("mike")
        #expect(state.press(.enter).count == 1)
        offline(&state)
        #expect(state.press(.character("z")).isEmpty)
        #expect(state.saving.pending.count == 1, "the refusal does not answer the commit sent before")
        _ = state.handle(.commitFailed("Cannot reach the server."))
        #expect(state.saving.isEmpty)
        #expect(state.ledger[id]?.status == .routed)
    }

    @Test func restoredTheHeaderIsLiveAndTheChangesMadeMeanwhileShow() {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        let id = state.selection!
        offline(&state)
        // The follower catches up by sequence, then says the connection is back.
        let (event, ledger) = changedElsewhere(state, id, owner: "dana")
        _ = state.handle(.storeChanged([event], reloaded: false, ledger: ledger))
        _ = state.handle(.connectionRestored)
        #expect(!state.offline && state.live)
        #expect(state.ledger[id]?.owner == "dana")
        #expect(state.changedAt[id] != nil, "the changed card is marked")
        #expect(state.message == .init("Reconnected: the board is live again and shows every change made meanwhile.", isError: false))
        let screen = BoardView.render(state).plainText
        #expect(screen.components(separatedBy: "\n")[0].contains("● live"))
        Snapshot.check(screen, named: "offline-restored-80x24")
    }

    @Test func aRestoreWithoutALossChangesNothing() {
        var state = Fixture.state()
        state.message = .init("kept", isError: false)
        _ = state.handle(.connectionRestored)
        #expect(state.message?.text == "kept")
    }

    @Test func theWallboardSaysOfflineToo() {
        var state = Fixture.state(size: Size(width: 120, height: 40))
        state.wallboard = Wallboard()
        offline(&state)
        #expect(BoardView.render(state).plainText.components(separatedBy: "\n")[0].contains("○ offline — reconnecting"))
    }
}
