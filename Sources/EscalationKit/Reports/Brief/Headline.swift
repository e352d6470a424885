import Foundation

/// Seed 000's one-line headline: what is happening, to which customer, and what is at stake.
public enum Headline {
    /// "API latency issue affecting Acme Corp — P1 open 12 days, EUR 85k ARR, renewal in 67 days".
    ///
    /// Days are calendar days in the policy calendar's zone. The ARR part is left out when the ARR
    /// is zero (unknown), the renewal part when there is no renewal date. A resolved or closed
    /// escalation says "resolved after" / "closed after" instead of "open". Text is one line with
    /// control characters neutralized.
    public static func text(for e: Escalation, at now: Date, policy: Policy) -> String {
        let zone = policy.calendar.timeZone
        var parts: [String] = []
        let end: Date
        let verb: String
        switch e.status {
        case .resolved: end = e.resolvedAt ?? now; verb = "resolved after"
        case .closed: end = e.closedAt ?? e.resolvedAt ?? now; verb = "closed after"
        default: end = now; verb = "open"
        }
        let days = ReportTime.daysBetween(e.createdAt, end, in: zone)
        if verb == "open" && days == 0 {
            parts.append("\(e.severity.priority) opened today")
        } else {
            parts.append("\(e.severity.priority) \(verb) \(ReportTime.count(days, "day"))")
        }
        if e.account.arr.amount > 0 { parts.append("\(e.account.arr.short) ARR") }
        if let renewal = renewalPhrase(e.account.renewal, at: now, in: zone) { parts.append(renewal) }
        let title = SafeText.neutralized(e.title.trimmed)
        let account = SafeText.neutralized(e.account.name.trimmed)
        return "\(title) affecting \(account) — " + parts.joined(separator: ", ")
    }

    /// "renewal in 67 days", "renewal today", "renewal 3 days ago"; nil without a renewal date.
    static func renewalPhrase(_ renewal: CalendarDay?, at now: Date, in zone: TimeZone) -> String? {
        guard let renewal else { return nil }
        let days = CalendarDay(now, in: zone).days(until: renewal)
        switch days {
        case 0: return "renewal today"
        case 1...: return "renewal in \(ReportTime.count(days, "day"))"
        default: return "renewal \(ReportTime.count(-days, "day")) ago"
        }
    }
}
