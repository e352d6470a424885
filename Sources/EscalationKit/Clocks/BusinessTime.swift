import Foundation

/// Time arithmetic on a business calendar: where a target ends, and how much of it has been used.
public enum BusinessTime {
    /// The moment a target that starts at `start` runs out.
    public static func deadline(from start: Date, adding target: SLATarget, basis: TimeBasis, calendar: BusinessCalendar) -> Date {
        // Interim: calendar time only. Replaced by business-calendar arithmetic.
        switch target {
        case .minutes(let n): return start.addingTimeInterval(Double(n) * 60)
        case .hours(let n): return start.addingTimeInterval(Double(n) * 3600)
        case .days(let n): return start.addingTimeInterval(Double(n) * 86400)
        case .weeks(let n): return start.addingTimeInterval(Double(n) * 7 * 86400)
        case .endOfBusinessDay: return start.addingTimeInterval(8 * 3600)
        }
    }

    /// Seconds counted between two moments in the given basis (working seconds for business time).
    public static func elapsed(from start: Date, to end: Date, basis: TimeBasis, calendar: BusinessCalendar) -> TimeInterval {
        max(0, end.timeIntervalSince(start))
    }
}
