import EscalationKit
/// What a terminal smaller than the board's minimum shows instead of a broken board.
enum TooSmallView {
    static func draw(into grid: inout ScreenGrid, need: Size) {
        let text = "terminal too small: need \(need.width)×\(need.height), have \(grid.size.width)×\(grid.size.height)"
        let shown = grid.unicode ? text : text.replacingOccurrences(of: "×", with: "x")
        let width = DisplayWidth.of(shown)
        let row = max(0, grid.size.height / 2)
        let column = max(0, (grid.size.width - width) / 2)
        grid.put(shown, row: row, column: column, role: .error)
        if row + 1 < grid.size.height {
            grid.put("q quits", row: row + 1, column: max(0, (grid.size.width - 7) / 2), role: .dim)
        }
    }
}
