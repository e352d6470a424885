import Foundation
import Testing
import EscalationKit
@testable import Board

/// The rendered screens, compared as text with the files in Snapshots/.
@Suite struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 160, height: 48), Size(width: 200, height: 60)]

    func checkBoth(_ state: BoardState, _ name: String) {
        let grid = BoardView.render(state)
        Snapshot.check(grid.plainText, named: name)
        Snapshot.check(grid.styledText, named: name + ".styled")
        Invariants.check(grid)
    }

    @Test(arguments: sizes) func board(size: Size) {
        var state = Fixture.state(size: size)
        state.press(.down, .right)
        checkBoth(state, "board-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func hostileBoard(size: Size) {
        var state = Fixture.state(hostile: true, size: size)
        state.press(.right, .right)
        checkBoth(state, "hostile-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func detail(size: Size) {
        var state = Fixture.state(hostile: true, size: size)
        state.press(.enter)
        checkBoth(state, "detail-\(size.width)x\(size.height)")
    }

    @Test func scrolledToTheLastColumnAt80() {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        state.press(.right, .right, .right, .right, .right)
        checkBoth(state, "board-80x24-closed-column")
    }

    @Test func help() {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        state.press(.character("?"))
        checkBoth(state, "help-80x24")
    }

    @Test func promptAndRefusal() {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        state.press(.character("a"))
        state.type("Zoë 株")
        checkBoth(state, "prompt-80x24")
        state.press(.escape, .character("<"))
        checkBoth(state, "refusal-80x24")
    }

    @Test func asciiFallback() {
        var state = Fixture.state(hostile: true, size: Size(width: 120, height: 40), unicode: false)
        state.press(.right)
        checkBoth(state, "ascii-120x40")
        let text = BoardView.render(state).plainText
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func tooSmall() {
        let state = Fixture.state(size: Size(width: 50, height: 12))
        let grid = BoardView.render(state)
        Snapshot.check(grid.plainText, named: "too-small-50x12")
        #expect(grid.plainText.contains("terminal too small: need 60×16, have 50×12"))
    }
}

/// What must hold for every frame, whatever the data: no control reaches a cell, and every row is
/// exactly as wide as the terminal.
enum Invariants {
    static func check(_ grid: ScreenGrid, sourceLocation: SourceLocation = #_sourceLocation) {
        for row in 0..<grid.size.height {
            var width = 0
            for column in 0..<grid.size.width {
                let cell = grid[row, column]
                #expect(!cell.text.unicodeScalars.contains(where: SafeText.isControl),
                        "control character in cell \(row),\(column)", sourceLocation: sourceLocation)
                width += DisplayWidth.of(cell.text)
                if !cell.isContinuation, DisplayWidth.of(cell.text) == 2 {
                    #expect(column + 1 < grid.size.width && grid[row, column + 1].isContinuation, sourceLocation: sourceLocation)
                }
            }
            #expect(width == grid.size.width, "row \(row) is \(width) columns wide", sourceLocation: sourceLocation)
        }
    }
}
