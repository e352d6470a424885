import Foundation
import Testing
import EscalationKit
@testable import Board

/// What got in a CS team's way in its first week on the board (issue 13), each pinned down.
@Suite struct FirstWeekTests {
    @Test func filterNoneClearsAsTheHelpSays() {
        var state = Fixture.state()
        state.press(.character(":"))
        state.type("filter eu")
        state.press(.enter)
        #expect(state.find.isActive)
        state.press(.character(":"))
        state.type("filter none")
        state.press(.enter)
        #expect(!state.find.isActive, "none clears, it is not a word to find")
        #expect(state.message?.text == "Filter cleared.")
    }

    @Test func nIsANewEscalationEvenUnderAKeptFilter() {
        var state = SheetFixture.state()
        state.press(.character("/"))
        state.type("eu")
        state.press(.enter)
        #expect(state.find.isActive)
        let before = state.ledger
        let effects = state.press(.character("n"))
        state.typeText("Ac")
        #expect(effects.isEmpty && state.prompt == nil)
        #expect(SheetFixture.form(state)?.values[.account] == "Ac", "the letters went into the form, not to a card")
        #expect(state.ledger.lastSequence == before.lastSequence)
        state.press(.escape, .character("y"))
        // The matches are walked with ] and [.
        let order = state.columns.readingOrder
        let start = order.firstIndex { $0.id == state.selection }!
        state.press(.character("]"))
        #expect(state.selection == order[(start + 1) % order.count].id)
        state.press(.character("["))
        #expect(state.selection == order[start].id)
    }

    @Test func noLetterReachesACardWhileTextIsTyped() throws {
        // Even a remapping cannot put a printable key on an action that only works where text is typed.
        #expect(throws: KeyMapError.self) { try KeyMap.standard.remapped(["external_editor": ["e"]]) }
        #expect(throws: KeyMapError.self) { try KeyMap.standard.remapped(["toggle_mine": ["m"]]) }
        // A letter bound to a board action that shares a name with a line's key is still typed there.
        var state = Fixture.state()
        state.keyMap = try KeyMap.standard.remapped(["up": ["w", "up"]])
        state.press(.character("/"))
        state.type("w")
        #expect(state.find.query == "w")
    }

    @Test func sixColumnsShowAt160() {
        var state = Fixture.state(size: Size(width: 160, height: 48))
        state.press(.right)
        let grid = BoardView.render(state)
        let titles = grid.plainText.components(separatedBy: "\n")[1]
        for status in Status.allCases { #expect(titles.contains(status.label), "\(status.label) is on screen") }
        #expect(BoardLayout(size: Size(width: 80, height: 24)).visibleColumns == 3)
        Invariants.check(grid)
    }

    @Test func wideTextUnderAFilterKeepsItsCellsAndTheBorders() {
        var state = Fixture.state(size: Size(width: 160, height: 48))
        state.press(.character("/"))
        state.type("株式")
        state.press(.enter)
        #expect(state.target?.account.name == "株式会社サンプル")
        let grid = BoardView.render(state)
        #expect(grid.plainText.contains("株式会社サンプル"), "the selected card's wide text has no blank cells in it")
        Invariants.check(grid)
        // The separators stay in their columns on every body row.
        let rows = grid.plainText.components(separatedBy: "\n")
        let x = BoardLayout(size: state.size).frame(slot: 0).width
        for row in 1..<(state.size.height - 2) {
            let cells = (0..<state.size.width).map { grid[row, $0].text }
            #expect(cells[x] == "│", "row \(row): \(rows[row])")
        }
    }

    @Test func restylingAWideCharacterKeepsBothHalves() {
        var grid = ScreenGrid(size: Size(width: 10, height: 1))
        grid.put("東京", row: 0, column: 1)
        grid.restyle(row: 0, column: 0, count: 10, selected: true)
        #expect(grid.plainText == " 東京     ")
        Invariants.check(grid)
    }

    @Test func aCutMessageCanBeReadWholeInTheHistory() throws {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        let resolved = state.columns[.resolved].first!.id
        state.selection = resolved
        state.focus = .resolved
        state.press(.character(">"))
        let text = try #require(state.message?.text)
        #expect(DisplayWidth.of(text) > 78, "long enough to be cut: \(text)")
        let screen = BoardView.render(state).plainText
        #expect(screen.contains("… m more"))
        state.press(.character("m"))
        guard case .messages? = state.sheets.current else { Issue.record("no message history"); return }
        let lines = MessagesView.lines(state)
        #expect(lines.map { $0[1].text }.joined(separator: " ") == text, "whole, wrapped")
        #expect(BoardView.render(state).plainText.contains("Messages"))
        state.press(.escape)
        #expect(state.sheets.current == nil)
        #expect(HelpView.lines(state).contains { $0.map(\.text).joined().hasPrefix("m ") })
    }

    @Test func aRefusedChangeNamesWhoDidWhatWhen() throws {
        var state = Fixture.state()
        let id = try #require(state.columns[.routed].first?.id)
        state.selection = id
        state.focus = .routed
        state.press(.character("a"))
        state.type("mike")
        // Meanwhile alice acknowledges it elsewhere.
        var ledger = state.ledger
        let e = ledger[id]!
        let event = Event(sequence: ledger.lastSequence + 1, time: state.now.addingTimeInterval(-20), actor: "alice", escalation: id,
                          expectedRevision: e.revision, change: .acknowledged(owner: "priya"))
        try ledger.apply(event)
        _ = state.handle(.storeChanged([event], reloaded: false, ledger: ledger))
        #expect(state.press(.enter) == [.commit([.acknowledge(owner: "mike")], id)])
        _ = state.handle(.commitFailed("\(id) is already acknowledged; only a routed escalation is acknowledged."))
        let message = try #require(state.message?.text)
        #expect(message.hasPrefix("\(id) was changed by alice 20s ago (acknowledged, owner priya)."), "\(message)")
        #expect(message.hasSuffix("only a routed escalation is acknowledged."))
        // A key pressed on the card while it is still marked as changed says so too.
        state.press(.character("a"))
        #expect(state.message?.text.contains("was changed by alice") == true, "\(state.message?.text ?? "")")
    }

    @Test func aTooSmallTerminalTakesNoKeysIntoAHiddenForm() {
        var state = SheetFixture.state()
        state.press(.character("n"))
        state.typeText("Acme")
        _ = state.handle(.resize(Size(width: 50, height: 12)))
        #expect(state.press(.character("q")).isEmpty, "an unsaved form is not thrown away")
        state.typeText("xyz")
        state.press(.escape, .enter, .tab)
        #expect(SheetFixture.form(state)?.values[.account] == "Acme")
        #expect(BoardView.render(state).plainText.contains("a form is open"))
        _ = state.handle(.resize(Size(width: 80, height: 24)))
        #expect(SheetFixture.form(state)?.phase == .editing)
        state.press(.escape, .character("y"))
        _ = state.handle(.resize(Size(width: 50, height: 12)))
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test func ctrlCInAFormAsksWhatEscAsks() {
        var state = SheetFixture.state()
        state.press(.character("n"))
        state.typeText("Acme")
        #expect(state.press(.control("c")).isEmpty)
        #expect(SheetFixture.form(state)?.phase == .confirmDiscard)
        state.press(.character("n"))
        #expect(SheetFixture.form(state)?.phase == .editing)
        state.press(.character("a"))
        #expect(SheetFixture.form(state)?.values[.account] == "Acmea", "back to typing")
        // In a prompt it cancels; on the board it quits.
        state.press(.escape, .character("y"), .character("u"))
        #expect(state.prompt != nil)
        state.press(.control("c"))
        #expect(state.prompt == nil)
        #expect(state.press(.control("c")) == [.quit])
    }

    @Test func everyContextsKeysComeFromTheTableAndCanBeRemapped() throws {
        var state = SheetFixture.state()
        state.keyMap = try KeyMap.standard.remapped(["save": ["ctrl-s"], "toggle_mine": ["ctrl-y"], "complete": ["ctrl-n"],
                                                     "next_field": ["ctrl-j"], "yes": ["j"]])
        // The form: Enter no longer saves, Ctrl-S does; the footer says so.
        state.press(.character("n"))
        #expect(BoardView.render(state).plainText.contains("^S save"))
        state.press(.control("j"))
        #expect(SheetFixture.form(state)?.focus == .title)
        state.press(.enter)
        #expect(state.message == nil, "Enter is not bound in the form any more")
        state.press(.control("s"))
        #expect(state.message?.text.contains("need attention") == true)
        state.press(.escape, .character("j"))
        #expect(state.sheets.current == nil, "the yes/no question takes the remapped yes")
        // The find line's toggles.
        state.press(.character("/"), .control("y"))
        #expect(state.find.query.contains("is:mine"))
        #expect(BoardView.render(state).plainText.contains("^Y mine"))
        state.press(.escape)
        // The command line's completion.
        state.press(.character(":"))
        state.type("thn")
        state.press(.tab)
        #expect(state.commandLine.text == "thn")
        state.press(.control("u"))
        state.type("the")
        state.press(.control("n"))
        #expect(state.commandLine.text == "theme ")
        // Help lists every context.
        let help = HelpView.lines(state).map { $0.map(\.text).joined() }
        for context in KeyMap.Context.allCases { #expect(help.contains { $0.hasPrefix(context.rawValue) }, "\(context.rawValue)") }
        #expect(help.contains { $0.hasPrefix("Ctrl-S ") && $0.contains("save") })
    }
}
