import Foundation

/// The rules a new escalation is taken in by, asked by the command line (`new`, `import`) and the
/// board's form alike, so that both take in the same escalation from the same facts.
public enum Intake {
    /// The tier when none is chosen: a critical escalation is critical or multi-customer (3), anything
    /// else standard (1).
    public static func defaultTier(for severity: Severity?) -> Tier {
        severity == .critical ? .criticalMultiCustomer : .standard
    }

    /// Whether the chosen severity overrides the score's suggestion, which needs a reason.
    public static func overrides(_ severity: Severity?, suggested: Severity?) -> Bool {
        guard let severity, let suggested else { return false }
        return severity != suggested
    }

    /// The override's reason as it is recorded: nil when there is no override; refused when an
    /// override has no reason.
    public static func overrideReason(_ reason: String?, severity: Severity, suggested: Severity?) throws(LifecycleError) -> String? {
        guard overrides(severity, suggested: suggested), let suggested else { return nil }
        let text = (reason ?? "").trimmed
        guard !text.isEmpty else {
            throw LifecycleError(.missingField, "The score suggests \(suggested.rawValue), not \(severity.rawValue): say why, so the override is recorded.")
        }
        return text
    }

    /// A deadline given as a day: the end of that day's work in the team calendar (17:00 on a day
    /// without working hours).
    public static func deadline(endOf day: CalendarDay, calendar: BusinessCalendar) -> Date {
        let end = calendar.hours[day.weekday]?.map(\.end.minutes).max() ?? 17 * 60
        return day.start(in: calendar.timeZone).addingTimeInterval(Double(end) * 60)
    }

    /// What is wrong with a title, or nil: a title is one line (no newline, tab or other control).
    public static func titleProblem(_ title: String) -> String? {
        guard let bad = title.unicodeScalars.first(where: SafeText.isControl) else { return nil }
        let what = bad == "\n" || bad == "\r" ? "a line break" : bad == "\t" ? "a tab" : "a control character (U+\(String(bad.value, radix: 16, uppercase: true)))"
        return "A title is one line, and this one has \(what); write it on one line and put the detail in the description."
    }
}
