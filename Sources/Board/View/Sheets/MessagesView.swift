import EscalationKit

/// The message history: every message of this session, newest first, wrapped so none is cut.
enum MessagesView {
    static func draw(_ sheet: MessagesSheet, state: BoardState, into grid: inout ScreenGrid) {
        let count = state.messageLog.entries.count
        grid.put([Span("Messages", .columnTitle), Span("  \(count), newest first", .dim)], row: 1, column: 1, limit: grid.size.width - 2)
        SheetView.drawScrolled(lines(state), from: sheet.scroll, state: state, into: &grid)
    }

    static func maxScroll(_ state: BoardState) -> Int {
        max(0, lines(state).count - BoardLayout(size: state.size).bodyHeight)
    }

    /// "09:14  text", the text wrapped under itself.
    static func lines(_ state: BoardState) -> [[Span]] {
        let entries = state.messageLog.entries
        guard !entries.isEmpty else { return [[Span("No messages yet.", .dim)]] }
        let width = max(10, state.size.width - 4 - 7)
        var out: [[Span]] = []
        for entry in entries.reversed() {
            let stamp = String(HeaderView.timeText(entry.time, zone: state.policy.calendar.timeZone).suffix(5))
            let role: Role = entry.message.isError ? .error : .normal
            for (i, part) in Wrap.lines(SafeTextBridge.neutralized(entry.message.text), width: width).enumerated() {
                out.append([Span(i == 0 ? stamp + "  " : "       ", .dim), Span(part, role)])
            }
        }
        return out
    }
}
