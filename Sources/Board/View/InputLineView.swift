import EscalationKit

/// The find line (`/`) and the command line (`:`) on the status row, and their footers.
enum InputLineView {
    /// Draws the open line, if one is open; returns false when neither is.
    static func drawStatus(_ state: BoardState, into grid: inout ScreenGrid) -> Bool {
        let row = grid.size.height - 2
        let width = grid.size.width
        let lead: String, text: String, note: String?
        if state.find.isTyping {
            let count = state.columns.readingOrder.count
            lead = "/"
            text = state.find.query
            note = state.find.isActive ? "\(count) match\(count == 1 ? "" : "es")" : nil
        } else if state.commandLine.isOpen {
            lead = ":"
            text = state.commandLine.text
            note = nil
        } else {
            return false
        }
        var x = grid.put(lead, row: row, column: 1, limit: 1, role: .prompt)
        // Long lines scroll: the end being typed stays visible.
        let room = max(0, width - x - 2)
        var shown = text
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        x = grid.put(shown, row: row, column: x, limit: room)
        grid.put(Symbols(unicode: state.unicode).promptCursor, row: row, column: x, limit: 1, role: .prompt)
        x += 1
        if let message = state.message, message.isError, x + 3 < width {
            grid.put("  " + message.text, row: row, column: x, limit: width - x - 1, role: .error)
        } else if let note, x + 3 < width {
            grid.put("  " + note, row: row, column: x, limit: width - x - 1, role: .dim)
        }
        return true
    }

    /// The completions Tab offered on the command line, shown in the footer until the next key.
    static func candidates(_ state: BoardState) -> [Span]? {
        guard state.commandLine.isOpen, !state.commandLine.candidates.isEmpty else { return nil }
        return state.commandLine.candidates.flatMap { [Span($0, .key), Span("  ")] }
    }
}
