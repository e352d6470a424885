/// The bottom line: the keys that work on this screen, from the key map.
enum FooterView {
    static func draw(_ state: BoardState, into grid: inout ScreenGrid) {
        let row = grid.size.height - 1
        let spans: [Span]
        if let line = InputLineView.footer(state) {
            spans = line
        } else if let prompt = state.prompt {
            spans = prompt.isConfirmation
                ? [Span("y", .key), Span(" confirm  "), Span("n Esc", .key), Span(" cancel")]
                : [Span(state.unicode ? "⏎" : "Enter", .key), Span(" confirm  "), Span("Esc", .key), Span(" cancel  "),
                   Span("^U", .key), Span(" clear")]
        } else {
            let context: KeyMap.Context = state.showingHelp ? .help : (state.screen == .board ? .board : .detail)
            var list: [Span] = []
            if context == .board {
                list += [Span(state.unicode ? "hjkl←↓↑→" : "hjkl", .key), Span(" move  ")]
            } else {
                list += [Span(state.unicode ? "j k ↓↑" : "j k", .key), Span(" scroll  ")]
            }
            // Help and quit first: on a narrow terminal the rest is cut, never these.
            let bindings = state.keyMap.bindings(in: context)
            let first = bindings.filter { $0.intent == .help || $0.intent == .quit }
            for binding in first + bindings.filter({ $0.intent != .help && $0.intent != .quit }) {
                guard let footer = binding.footer else { continue }
                let parts = footer.split(separator: " ", maxSplits: 1).map(String.init)
                var key = parts[0]
                if !state.unicode, key == "⏎" { key = "Enter" }
                list.append(Span(key, .key))
                list.append(Span(" " + (parts.count > 1 ? parts[1] : "") + "  "))
            }
            spans = list
        }
        grid.put(spans, row: row, column: 1, limit: grid.size.width - 1)
    }
}
