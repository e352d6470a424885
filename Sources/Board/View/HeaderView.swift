import Foundation
import EscalationKit

/// The top line: board and store name, live indicator, filter, totals, ARR at risk, the time.
enum HeaderView {
    static func draw(_ state: BoardState, into grid: inout ScreenGrid) {
        let symbols = Symbols(unicode: state.unicode)
        let width = grid.size.width
        grid.fill(row: 0, column: 0, count: width, role: .header)
        let facts = state.facts
        let breached = facts.breachedCount
        let time = timeText(state.now, zone: state.policy.calendar.timeZone)
        let following = symbols.following(state)

        var segments: [Span] = [
            Span(" Escalator ", .header),
            Span(state.storeName + "  ", .header),
            Span(following.text, following.role),
            Span("  \(facts.openCount) open", .header),
            Span(", \(breached) breached", breached > 0 ? .breached : .header),
            Span("  ARR at risk \(facts.arrAtRiskText)", .header),
        ]
        // An active filter or sort matters more than the totals: it says why cards are missing or moved.
        let find = state.find
        let filter = Span("  " + find.filterText, find.isActive ? .warning : .dim)
        let sort = Span("  " + find.sortText, find.sort != .urgency ? .warning : .dim)
        let urgent = [find.isActive ? filter : nil, find.sort != .urgency ? sort : nil].compactMap { $0 }
        segments.insert(contentsOf: urgent, at: 3)
        segments += [filter, sort].filter { !urgent.contains($0) }
        let timeX = width - DisplayWidth.of(time) - 1
        // Whole segments or none: a narrow terminal drops the least important ones (listed last).
        var x = 0
        for span in segments {
            let width = DisplayWidth.of(span.text)
            if x + width <= timeX - 1 { x = grid.put(span.text, row: 0, column: x, limit: width, role: span.role) }
        }
        grid.put(time, row: 0, column: timeX, limit: DisplayWidth.of(time), role: .header)
    }

    static func timeText(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
