import Foundation
import Testing
import EscalationKit
@testable import Board

/// Commits are answered later, off the board's thread: while one waits the board says so and keeps
/// taking keys, further commits queue in order, and a refusal leaves the cards as they were.
@Suite struct SavingTests {
    static let holder = "pid 4242 (bob: escalator ack) since 2026-03-10T08:50:00.000Z"

    /// The status line (the row above the footer) as text.
    static func statusLine(_ state: BoardState) -> String {
        let lines = BoardView.render(state).plainText.components(separatedBy: "\n")
        return lines[lines.count - 2]
    }

    /// Everything above the status line.
    static func body(_ state: BoardState) -> [String] {
        Array(BoardView.render(state).plainText.components(separatedBy: "\n").dropLast(2))
    }

    static func events(_ effect: Effect, in state: BoardState) throws -> [Event] {
        guard case .commit(let commands, let id) = effect else { throw Unexpected(effect: effect) }
        return try Lifecycle(policy: state.policy).decide(commands, on: id, in: state.ledger, at: state.now, actor: "alice")
    }

    struct Unexpected: Error { var effect: Effect }

    @Test func whileACommitWaitsForTheLockTheBoardSaysForWhomAndKeysStillWork() throws {
        var state = Fixture.state()
        let id = state.selection!
        let before = state.ledger
        state.press(.character("a"))
        state.type("mike")
        let effects = state.press(.enter)
        #expect(effects == [.commit([.acknowledge(owner: "mike")], id)])
        #expect(state.saving.pending.count == 1)
        #expect(Self.statusLine(state).contains("saving…"), "\(Self.statusLine(state))")
        #expect(state.ledger == before, "nothing shows as done before the store has it")

        _ = state.handle(.commitWaiting(holder: Self.holder))
        #expect(Self.statusLine(state).contains("saving… (waiting for pid 4242 (bob: escalator ack)"), "\(Self.statusLine(state))")
        // The cursor still moves, and the card is still where it was.
        state.press(.down)
        #expect(state.selection != id)
        #expect(state.columns.place(of: id)?.status == .routed)

        _ = state.handle(.committed(try Self.events(effects[0], in: state)))
        #expect(state.saving.isEmpty)
        #expect(!Self.statusLine(state).contains("saving"))
        #expect(state.ledger[id]?.owner == "mike")
        #expect(state.message?.text.contains("acknowledged, owner mike") == true)
    }

    @Test func furtherCommitsQueueInOrderAndEachAnswerIsTheOldests() throws {
        var state = Fixture.state()
        let first = state.selection!
        state.press(.character("u"))
        state.type("first note")
        let one = state.press(.enter)
        state.press(.down)
        let second = state.selection!
        #expect(second != first)
        state.press(.character("u"))
        state.type("second note")
        let two = state.press(.enter)
        #expect(state.saving.pending.map(\.escalation) == [first, second])
        #expect(Self.statusLine(state).contains("saving… 2 changes"), "\(Self.statusLine(state))")

        _ = state.handle(.commitWaiting(holder: Self.holder))
        let firstEvents = try Self.events(one[0], in: state)
        _ = state.handle(.committed(firstEvents))
        #expect(state.saving.pending.map(\.escalation) == [second])
        #expect(!Self.statusLine(state).contains("waiting for"), "the wait was the first commit's")
        _ = state.handle(.commitFailed("The store is busy: pid 4242 (bob: escalator ack) has held its lock for 5 s."))
        #expect(state.saving.isEmpty)
        #expect(state.ledger[first]?.history.last?.change == firstEvents[0].change)
        #expect(state.ledger[second]?.history.contains { if case .progressNoted = $0.change { true } else { false } } == false)
        _ = two
    }

    @Test func aFailedCommitLeavesTheCardAsItWasAndShowsWhy() throws {
        var state = Fixture.state()
        let id = state.selection!
        let ledger = state.ledger
        let columns = state.columns.readingOrder.map(\.id)
        let cards = Self.body(state)
        state.press(.character("a"))
        state.type("mike")
        state.press(.enter)
        _ = state.handle(.commitWaiting(holder: Self.holder))
        _ = state.handle(.commitFailed("The store is busy: pid 4242 (bob: escalator ack) has held its lock for 5 s."))
        #expect(state.saving.isEmpty)
        #expect(state.ledger == ledger)
        #expect(state.columns.readingOrder.map(\.id) == columns)
        #expect(Self.body(state) == cards, "the board above the status line is drawn as before")
        #expect(state.columns.place(of: id)?.status == .routed)
        #expect(state.selection == id)
        #expect(state.changedAt[id] == nil, "a refused change marks no card")
        #expect(state.undoMemory.entries.isEmpty, "nothing to undo")
        #expect(Self.statusLine(state).contains("The store is busy: pid 4242"), "\(Self.statusLine(state))")
        #expect(!Self.statusLine(state).contains("saving"))
    }

    @Test func theFormWaitsForItsOwnCommitNotForAnEarlierOne() throws {
        var state = Fixture.state()
        // A note on the selected card, still waiting for the lock...
        state.press(.character("u"))
        state.type("checking logs")
        let note = state.press(.enter)
        // ...then an edit of the same card through the form.
        state.press(.character("e"))
        state.press(.control("u"))
        state.type("Exports fail for EU tenants")
        let save = state.press(.enter, .character("s"))
        #expect(save.count == 1)
        #expect(state.saving.pending.map(\.fromForm) == [false, true])
        // The note's answer does not close the form.
        _ = state.handle(.committed(try Self.events(note[0], in: state)))
        #expect(state.sheets.form?.phase == .saving)
        _ = state.handle(.commitFailed("ESC-2026-0001 was closed by bob 2 s ago."))
        #expect(state.sheets.form?.phase == .editing, "back to the form with everything typed")
        #expect(state.sheets.form?.values[.title] == "Exports fail for EU tenants")
    }

    @Test func aStoreChangeReadBeforeTheOwnCommitLandedDoesNotTakeItBack() throws {
        var state = Fixture.state()
        let id = state.selection!
        let older = state.ledger
        state.press(.character("a"))
        state.type("mike")
        let effects = state.press(.enter)
        _ = state.handle(.committed(try Self.events(effects[0], in: state)))
        #expect(state.ledger[id]?.owner == "mike")
        // The watcher read the ledger just before the commit and delivers it just after.
        _ = state.handle(.storeChanged([], reloaded: false, ledger: older))
        #expect(state.ledger[id]?.owner == "mike", "the board never steps back to an older ledger")
    }
}
