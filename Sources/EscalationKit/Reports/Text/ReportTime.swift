import Foundation

/// How reports write moments and durations: days and minutes in the policy calendar's zone, ISO 8601 in UTC for JSON.
public enum ReportTime {
    /// "2026-03-10" in `zone`.
    static func day(_ date: Date, in zone: TimeZone) -> String {
        CalendarDay(date, in: zone).description
    }

    /// "2026-03-10 09:40" in `zone`.
    static func minute(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// "2026-03-10T09:40:00.000Z": the form every JSON report uses for a moment (milliseconds
    /// rounded, as the store keeps them).
    static func iso(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
        let inDay = Int(seconds - Int64(days) * 86400)
        let (y, m, d) = CivilDate.date(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, inDay / 3600, inDay / 60 % 60, inDay % 60, Int(millis - seconds * 1000))
    }

    /// Whole calendar days between the days `start` and `end` fall on in `zone` (never negative).
    static func daysBetween(_ start: Date, _ end: Date, in zone: TimeZone) -> Int {
        max(0, CalendarDay(start, in: zone).days(until: CalendarDay(end, in: zone)))
    }

    /// "1 day", "12 days".
    static func count(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }

    /// "45 min", "3.1 h", "4.2 d": a compact duration for tables.
    public static func compact(hours: Double) -> String {
        if hours < 1 { return "\(Int((hours * 60).rounded()))m" }
        if hours < 48 { return String(format: "%.1fh", hours) }
        return String(format: "%.1fd", hours / 24)
    }

    /// "in 2 days", "in 5 hours", "3 hours ago": how far `date` is from `now`, in the larger whole unit.
    static func relative(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let hours = Int((abs(seconds) / 3600).rounded(.down))
        let phrase: String
        if hours >= 48 { phrase = count(hours / 24, "day") }
        else if hours >= 1 { phrase = count(hours, "hour") }
        else { phrase = count(max(0, Int((abs(seconds) / 60).rounded(.down))), "minute") }
        return seconds >= 0 ? "in \(phrase)" : "\(phrase) ago"
    }
}
