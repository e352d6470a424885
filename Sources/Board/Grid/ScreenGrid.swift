import EscalationKit
/// The board drawn in memory: rows of styled cells that `Terminal` copies to the screen and tests
/// read back as plain text.
public struct ScreenGrid: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Whether text is drawn with Unicode symbols or ASCII only (a non-UTF-8 locale).
    public let unicode: Bool

    public init(size: Size, unicode: Bool = true) {
        self.size = size
        self.unicode = unicode
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Writes `text` at (row, column), clipped to `limit` columns (default: to the right edge), and
    /// returns the column after the last cell written. Text is neutralized, folded to ASCII when the
    /// grid is not Unicode, and cut with an ellipsis on a grapheme boundary when it does not fit.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, limit: Int? = nil, role: Role = .normal, selected: Bool = false) -> Int {
        guard row >= 0, row < size.height, column < size.width else { return column }
        let room = min(limit ?? Int.max, size.width - max(column, 0))
        guard room > 0 else { return column }
        let shown = CellText.fitted(text, columns: room, unicode: unicode)
        var x = column
        for character in shown {
            let width = DisplayWidth.of(character)
            guard width > 0 else { continue }
            if x >= 0 {
                set(row, x, Cell(String(character), role: role, selected: selected))
                if width == 2, x + 1 < size.width { set(row, x + 1, Cell("", role: role, selected: selected)) }
            }
            x += width
        }
        return x
    }

    /// Fills `count` cells from (row, column) with `character` (a narrow one).
    public mutating func fill(row: Int, column: Int, count: Int, with character: String = " ", role: Role = .normal, selected: Bool = false) {
        guard row >= 0, row < size.height else { return }
        for x in max(0, column)..<max(max(0, column), min(size.width, column + count)) {
            set(row, x, Cell(character, role: role, selected: selected))
        }
    }

    /// Changes the role and selection of cells already written, keeping their text.
    public mutating func restyle(row: Int, column: Int, count: Int, role: Role? = nil, selected: Bool? = nil) {
        guard row >= 0, row < size.height else { return }
        for x in max(0, column)..<max(max(0, column), min(size.width, column + count)) {
            // The text stays, so a wide grapheme keeps both halves: written directly, not through
            // `set`, whose overwrite rules would blank the right half of every wide character.
            let index = row * size.width + x
            if let role { cells[index].role = role }
            if let selected { cells[index].selected = selected }
        }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        let index = row * size.width + column
        // Overwriting half of a wide grapheme blanks its other half, as a terminal would.
        if cells[index].isContinuation, !cell.isContinuation, column > 0 {
            cells[index - 1] = Cell(" ", role: cells[index - 1].role, selected: cells[index - 1].selected)
        }
        // Overwriting the first half of a wide grapheme (with anything, even another wide one's
        // second half) blanks its second half; a new wide grapheme writes its own second half after.
        if column + 1 < size.width, cells[index + 1].isContinuation, !cells[index].isContinuation,
           DisplayWidth.of(cells[index].text) == 2 {
            cells[index + 1] = Cell(" ", role: cells[index + 1].role, selected: cells[index + 1].selected)
        }
        cells[index] = cell
    }

    /// The grid as plain text, one line per row, trailing spaces kept so sizes are visible.
    public var plainText: String {
        (0..<size.height).map { row in
            (0..<size.width).map { self[row, $0].text }.joined()
        }.joined(separator: "\n")
    }

    /// The grid as text with roles marked, `{critical:C}` and `[selected text]`, for snapshots that
    /// check what colour and selection carry. Unmarked text is the normal role.
    public var styledText: String {
        (0..<size.height).map { row in
            var line = ""
            var current: (Role, Bool) = (.normal, false)
            for x in 0..<size.width {
                let cell = self[row, x]
                if cell.isContinuation { continue }
                let style = (cell.role, cell.selected)
                if style != current {
                    if current != (.normal, false) { line += "}" }
                    if style != (.normal, false) { line += "{\(style.1 ? "*" : "")\(style.0.rawValue):" }
                    current = style
                }
                line += cell.text
            }
            if current != (.normal, false) { line += "}" }
            return line
        }.joined(separator: "\n")
    }
}
