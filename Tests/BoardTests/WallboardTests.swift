import Foundation
import Testing
import EscalationKit
@testable import Board

/// The read-only wallboard: its screens at three sizes and its refusal of every change.
@Suite struct WallboardTests {
    static func wallboard(size: Size, unicode: Bool = true) -> BoardState {
        var state = Fixture.state(size: size, unicode: unicode)
        state.wallboard = Wallboard()
        return state
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48), Size(width: 300, height: 80)]

    @Test(arguments: sizes) func snapshots(size: Size) {
        let grid = BoardView.render(Self.wallboard(size: size))
        Snapshot.check(grid.plainText, named: "wallboard-\(size.width)x\(size.height)")
        Snapshot.check(grid.styledText, named: "wallboard-\(size.width)x\(size.height).styled")
        Invariants.check(grid)
        #expect(!grid.cells.contains { $0.selected }, "a wallboard has no cursor")
    }

    @Test func asciiFallback() {
        let grid = BoardView.render(Self.wallboard(size: Size(width: 80, height: 24), unicode: false))
        Snapshot.check(grid.plainText, named: "wallboard-ascii-80x24")
        let ascii = grid.plainText.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        Invariants.check(grid)
    }

    @Test(arguments: sizes) func hostileTextStaysInItsCells(size: Size) {
        var state = Fixture.state(hostile: true, size: size)
        state.wallboard = Wallboard()
        let grid = BoardView.render(state)
        Invariants.check(grid)
        #expect(!grid.plainText.contains("\u{1B}"))
    }

    @Test func showsTheCountsAndWhatBreaksFirst() {
        let state = Self.wallboard(size: Size(width: 160, height: 48))
        let facts = state.facts
        let text = BoardView.render(state).plainText
        #expect(text.contains("BREACHED") && text.contains("STALLED") && text.contains("ARR AT RISK"))
        #expect(text.contains("WHAT BREACHES OR STALLS FIRST"))
        let deadlines = facts.firstToBreak.map { facts.facts[$0.id]!.first!.deadline }
        #expect(deadlines == deadlines.sorted())
        #expect(facts.firstToBreak.count == facts.openCount)
        // The first of the list is on screen, before the second.
        let first = text.range(of: facts.firstToBreak[0].id.description)!, second = text.range(of: facts.firstToBreak[1].id.description)!
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test(arguments: [Key.character(">"), .character("<"), .character("a"), .character("u"), .character("c"), .character("o"),
                      .character("s"), .character("t"), .character("x"), .enter, .down, .right, .character("?"), .character(":")])
    func refusesEveryChangeKey(key: Key) {
        var state = Self.wallboard(size: Size(width: 120, height: 40))
        let before = BoardView.render(state).plainText
        let effects = state.press(key)
        #expect(effects.isEmpty)
        #expect(state.prompt == nil && state.screen == .board && !state.showingHelp)
        #expect(state.message == BoardState.Message("wallboard is read-only (q quits)", isError: true))
        let after = BoardView.render(state).plainText
        #expect(after.contains("wallboard is read-only"))
        #expect(before.components(separatedBy: "\n").dropLast(2) == after.components(separatedBy: "\n").dropLast(2))
    }

    @Test func onlyQAndCtrlCQuit() {
        var state = Self.wallboard(size: Size(width: 120, height: 40))
        #expect(state.press(.character("q")) == [.quit])
        #expect(state.press(.control("c")) == [.quit])
        #expect(state.press(.escape).isEmpty)
    }

    @Test func theNoteGoesAfterAFewSeconds() {
        var state = Self.wallboard(size: Size(width: 120, height: 40))
        state.press(.character("x"))
        _ = state.handle(.tick(Fixture.now.addingTimeInterval(2)))
        #expect(state.message != nil)
        _ = state.handle(.tick(Fixture.now.addingTimeInterval(Wallboard.noteSeconds + 1)))
        #expect(state.message == nil)
    }

    @Test func followsTheStoreWithoutAKey() {
        var state = Self.wallboard(size: Size(width: 160, height: 48))
        let before = state.facts
        var ledger = state.ledger
        let target = before.firstToBreak.first { $0.status == .inProgress }!
        let event = Event(sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "bob", escalation: target.id,
                          expectedRevision: target.revision, change: .resolved(resolution: "Fixed"))
        try! ledger.apply(event)
        _ = state.handle(.storeChanged([event], reloaded: false, ledger: ledger))
        #expect(state.facts.openCount == before.openCount - 1)
        #expect(!state.facts.firstToBreak.contains { $0.id == target.id })
        #expect(!BoardView.render(state).plainText.contains(target.id.description + " "))
    }
}
