import Foundation
import Testing
import EscalationKit
@testable import Board

/// The find line, the command line and a remapped help screen, at 80×24 and 160×48.
@Suite struct NavigationSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    func checkBoth(_ state: BoardState, _ name: String) {
        let grid = BoardView.render(state)
        Snapshot.check(grid.plainText, named: name)
        Snapshot.check(grid.styledText, named: name + ".styled")
        Invariants.check(grid)
    }

    @Test(arguments: sizes) func findLineWithAFilter(size: Size) {
        var state = Fixture.state(size: size)
        state.press(.character("/"))
        state.type("eu ")
        state.press(.control("r"))
        checkBoth(state, "find-\(size.width)x\(size.height)")
        state.press(.enter, .character("S"), .character("S"))
        checkBoth(state, "filtered-arr-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func commandLineWithCompletions(size: Size) {
        var state = Fixture.state(size: size)
        state.press(.character(":"))
        state.type("ack ")
        state.press(.tab)
        checkBoth(state, "command-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func helpWithARemappedKey(size: Size) throws {
        var state = Fixture.state(size: size)
        state.keyMap = try KeyMap.standard.remapped(["acknowledge": ["A"], "undo": ["ctrl-z"]])
        state.press(.character("?"))
        checkBoth(state, "help-remapped-\(size.width)x\(size.height)")
        #expect(BoardView.render(state).plainText.contains("A           acknowledge (asks the owner)"))
        let help = HelpView.lines(state).map { $0.map(\.text).joined() }
        #expect(help.contains("Ctrl-Z      undo your own last change"))
    }
}
