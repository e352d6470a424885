import CNcurses
import Board

/// Copies a screen grid to ncurses, cell by cell, only where it differs from the last frame:
/// over a slow SSH link a cursor move costs a few cells, not a repaint.
final class GridPainter {
    private var previous: ScreenGrid?
    private var palette: Palette

    init(palette: Palette) { self.palette = palette }

    /// Draws with another palette from the next frame on, every cell again (a theme change).
    func use(_ palette: Palette) {
        self.palette = palette
        previous = nil
    }

    /// Forgets the last frame (after a resize), so the next paint draws every cell.
    func invalidate() { previous = nil }

    /// Draws what changed and sends it to the terminal; returns the number of cells written.
    @discardableResult
    func paint(_ grid: ScreenGrid) -> Int {
        let old = previous.flatMap { $0.size == grid.size ? $0 : nil }
        var written = 0
        var scalars: [wchar_t] = []
        for row in 0..<grid.size.height {
            for column in 0..<grid.size.width {
                let cell = grid[row, column]
                if let old, old[row, column] == cell {
                    // An unchanged left half is redrawn only if its right half changed under it.
                    continue
                }
                if cell.isContinuation {
                    // Drawn by its left half; if that did not change, redraw the left half.
                    guard column > 0, let old, old[row, column - 1] == grid[row, column - 1] else { continue }
                    draw(grid[row, column - 1], row: row, column: column - 1, into: &scalars)
                    written += 1
                    continue
                }
                draw(cell, row: row, column: column, into: &scalars)
                written += 1
            }
        }
        previous = grid
        wnoutrefresh(cn_stdscr())
        doupdate()
        return written
    }

    private func draw(_ cell: Cell, row: Int, column: Int, into scalars: inout [wchar_t]) {
        scalars.removeAll(keepingCapacity: true)
        for scalar in cell.text.unicodeScalars { scalars.append(wchar_t(bitPattern: scalar.value)) }
        if scalars.isEmpty { scalars.append(32) }
        let (attributes, pair) = palette.look(cell.role, selected: cell.selected)
        _ = scalars.withUnsafeBufferPointer { buffer in
            cn_put(Int32(row), Int32(column), buffer.baseAddress, Int32(buffer.count), attributes, pair)
        }
    }
}
