/// The help screen, generated from the key map so it always tells the truth.
enum HelpView {
    static func draw(_ state: BoardState, into grid: inout ScreenGrid) {
        let layout = BoardLayout(size: state.size)
        let width = grid.size.width
        grid.put("Keys", row: 1, column: 1, limit: width - 2, role: .columnTitle)
        let lines = self.lines(state)
        let top = min(state.helpScroll, max(0, lines.count - layout.bodyHeight))
        for (i, line) in lines.dropFirst(top).prefix(layout.bodyHeight).enumerated() {
            grid.put(line, row: layout.bodyTop + i, column: 2, limit: width - 4)
        }
    }

    static func lines(_ state: BoardState) -> [[Span]] {
        var out: [[Span]] = []
        for context in [KeyMap.Context.board, .filtered, .detail] {
            if !out.isEmpty { out.append([]) }
            out.append([Span(context.rawValue, .columnTitle)])
            for binding in state.keyMap.bindings(in: context) {
                let label = state.unicode ? binding.label : binding.asciiLabel
                out.append([Span(CellText.padded(label, columns: 12), .key), Span(binding.summary)])
            }
        }
        out.append([])
        out.append([Span("Prompts", .columnTitle)])
        out.append([Span(CellText.padded("Enter", columns: 12), .key), Span("confirm the answer")])
        out.append([Span(CellText.padded("Esc", columns: 12), .key), Span("cancel")])
        out.append([Span(CellText.padded("Ctrl-U", columns: 12), .key), Span("clear the answer")])
        out += CommandHelp.lines(state)
        return out
    }
}
