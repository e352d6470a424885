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

        let segments: [Span] = [
            Span(" Escalator ", .header),
            Span(state.storeName + "  ", .header),
            Span(state.live ? symbols.live : symbols.paused, state.live ? .changed : .error),
            Span("  \(facts.openCount) open", .header),
            Span(", \(breached) breached", breached > 0 ? .breached : .header),
            Span("  ARR at risk \(facts.arrAtRiskText)", .header),
            Span("  filter: none", .dim),
        ]
        let timeX = width - DisplayWidth.of(time) - 1
        // Whole segments or none: a narrow terminal drops the least important ones (listed last).
        var x = 0
        for span in segments {
            let width = DisplayWidth.of(span.text)
            if x + width <= timeX - 1 { x = grid.put(span.text, row: 0, column: x, limit: width, role: span.role) }
        }
        grid.put(time, row: 0, column: timeX, limit: DisplayWidth.of(time), role: .header)
    }

    /// The sum of open escalations' ARR, each account counted once, per currency.
    static func arrAtRisk(_ open: [Escalation]) -> String {
        var byAccount: [String: Money] = [:]
        for e in open { byAccount[e.account.name] = e.account.arr }
        var totals: [String: Int] = [:]
        for money in byAccount.values { totals[money.currency, default: 0] += money.amount }
        if totals.isEmpty { return Money(0).short }
        return totals.sorted { $0.value > $1.value }.map { Money($0.value, $0.key).short }.joined(separator: " + ")
    }

    static func timeText(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
