import Foundation

/// The times Escalator works with: 2000-01-01 up to the end of 2999-12-31 (UTC). A time outside is a
/// typo or a broken clock, never an escalation's, and it would move every rule that counts from the
/// newest event (ids are numbered per year; the archive age counts back from the newest event).
public enum TimeBounds {
    /// 2000-01-01T00:00:00Z.
    public static let earliest = Date(timeIntervalSince1970: 946_684_800)
    /// 3000-01-01T00:00:00Z, the first instant after the range.
    public static let end = Date(timeIntervalSince1970: 32_503_680_000)
    public static let years = 2000...2999
    /// How messages name the range.
    public static let phrase = "2000-01-01 to 2999-12-31"

    public static func contains(_ date: Date) -> Bool { date >= earliest && date < end }
    public static func contains(_ day: CalendarDay) -> Bool { years.contains(day.year) }
}
