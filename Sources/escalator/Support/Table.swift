import EscalationKit

/// The one table renderer of the command line: columns sized to their widest cell, at least one
/// space between them (so neighbours never run together), and fitted to the console's width by
/// narrowing the columns of names and titles, never ids, numbers or statuses. With no width (standard
/// output is not a terminal and `COLUMNS` is unset) nothing is cut.
struct Table {
    enum Align { case left, right }

    struct Column {
        var header: String
        var align: Align = .left
        /// Free text (an account, an owner, a title) that gives up width when the table is too wide.
        var shrinks = false
        /// The narrowest a shrinking column gets.
        var minimum = 8
    }

    /// Store text is neutralised by the caller; `tone` colours the cell on a terminal.
    struct Cell: ExpressibleByStringLiteral {
        var text: String
        var tone: Console.Tone?
        init(_ text: String, _ tone: Console.Tone? = nil) {
            self.text = text
            self.tone = tone
        }
        init(stringLiteral value: String) { self.init(value) }
    }

    var columns: [Column]
    private(set) var rows: [[Cell]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ cells: [Cell]) {
        precondition(cells.count == columns.count, "a row has one cell per column")
        rows.append(cells)
    }

    /// Each column's width and the gap between columns: every column as wide as its widest cell,
    /// then the widest shrinking column narrowed until the table fits `limit`. Two spaces between
    /// columns, one when that is what lets a narrow terminal hold the table.
    func layout(fitting limit: Int?) -> (widths: [Int], gap: Int) {
        let natural = columns.indices.map { i in
            rows.reduce(DisplayWidth.of(columns[i].header)) { max($0, DisplayWidth.of($1[i].text)) }
        }
        guard let limit else { return (natural, 2) }
        var result = (natural, 2)
        for gap in [2, 1] {
            var widths = natural
            var excess = widths.reduce(0, +) + gap * max(0, columns.count - 1) - limit
            while excess > 0 {
                let candidates = columns.indices.filter { columns[$0].shrinks && widths[$0] > columns[$0].minimum }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                let second = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? columns[widest].minimum
                let step = max(1, min(excess, widths[widest] - max(second, columns[widest].minimum)))
                widths[widest] -= step
                excess -= step
            }
            result = (widths, gap)
            if excess <= 0 { break }
        }
        return result
    }

    /// The header and the rows as lines for `console`, without trailing spaces.
    func lines(_ console: Console) -> [String] {
        let (widths, gap) = layout(fitting: console.width)
        func line(_ cells: [Cell], header: Bool) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let last = i == cells.count - 1
                let text = DisplayWidth.truncate(cell.text, to: widths[i])
                let room = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(text)))
                let painted = header ? console.paint(text, .bold) : cell.tone.map { console.paint(text, $0) } ?? text
                switch columns[i].align {
                case .left: out += painted + (last ? "" : room)
                case .right: out += room + painted
                }
                if !last { out += String(repeating: " ", count: gap) }
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        return [line(columns.map { Cell($0.header) }, header: true)] + rows.map { line($0, header: false) }
    }

    func print(_ console: Console) {
        for line in lines(console) { console.print(line) }
    }
}
