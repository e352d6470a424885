import EscalationKit
/// What a terminal smaller than the board's minimum shows instead of a broken board.
enum TooSmallView {
    static func draw(_ state: BoardState, into grid: inout ScreenGrid, need: Size) {
        let text = "terminal too small: need \(need.width)×\(need.height), have \(grid.size.width)×\(grid.size.height)"
        let shown = grid.unicode ? text : text.replacingOccurrences(of: "×", with: "x")
        let width = DisplayWidth.of(shown)
        let row = max(0, grid.size.height / 2)
        let column = max(0, (grid.size.width - width) / 2)
        grid.put(shown, row: row, column: column, role: .error)
        if row + 1 < grid.size.height {
            // Keys go nowhere while the board is hidden, so a form waits, whole, for a larger terminal.
            let note = state.hasUnsavedForm ? "a form is open: enlarge the terminal to finish it"
                : "\(state.keyLabel(.quit, in: .board)) quits"
            grid.put(note, row: row + 1, column: max(0, (grid.size.width - DisplayWidth.of(note)) / 2), role: .dim)
        }
    }
}
