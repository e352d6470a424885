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

    /// Every context's keys, in the key map's order, then the command line's commands.
    static func lines(_ state: BoardState) -> [[Span]] {
        var out: [[Span]] = []
        for context in KeyMap.Context.allCases {
            let bindings = state.keyMap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append([]) }
            out.append([Span(context.rawValue, .columnTitle)] + (note(context).map { [Span("  " + $0, .dim)] } ?? []))
            for binding in bindings {
                let label = state.unicode ? binding.label : binding.asciiLabel
                out.append([Span(CellText.padded(label, columns: 12), .key), Span(binding.summary)])
            }
        }
        out += CommandHelp.lines(state)
        return out
    }

    /// What a context does with keys that are not in the table.
    static func note(_ context: KeyMap.Context) -> String? {
        switch context {
        case .find: "(what you type filters by id, account, title, owner; owner:NAME, is:critical …)"
        case .commandLine, .prompt: "(what you type is the text)"
        case .form: "(what you type goes into the field; a choice takes its first letter, a score 1-5)"
        default: nil
        }
    }
}
