import Foundation

/// Instants and durations as a person reads them in explanations: local wall-clock time with its UTC
/// offset (so the doubled hour of a DST change stays unambiguous), written without `DateFormatter`
/// so the text is the same on every platform and locale.
enum WallClockText {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "Fri 2026-03-27 16:30 +01:00".
    static func moment(_ date: Date, in zone: TimeZone) -> String {
        let (day, time, offset) = parts(date, in: zone)
        return "\(weekdays[day.weekday - 1]) \(day) \(time) \(offset)"
    }

    /// "Fri 2026-03-27 16:30–17:00 +01:00", or both ends in full when they fall on different days or offsets.
    static func interval(_ interval: DateInterval, in zone: TimeZone) -> String {
        let (startDay, startTime, startOffset) = parts(interval.start, in: zone)
        let (endDay, endTime, endOffset) = parts(interval.end, in: zone)
        if startDay == endDay, startOffset == endOffset {
            return "\(weekdays[startDay.weekday - 1]) \(startDay) \(startTime)–\(endTime) \(startOffset)"
        }
        return "\(moment(interval.start, in: zone)) – \(moment(interval.end, in: zone))"
    }

    /// "3h 30m", "0m", "52h 0m".
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int((abs(seconds) / 60).rounded())
        let sign = seconds < 0 ? "-" : ""
        return minutes < 60 ? "\(sign)\(minutes)m" : "\(sign)\(minutes / 60)h \(minutes % 60)m"
    }

    private static func parts(_ date: Date, in zone: TimeZone) -> (CalendarDay, String, String) {
        if date == .distantFuture { return (CalendarDay(year: 9999, month: 12, day: 31)!, "never", "") }
        let offset = zone.secondsFromGMT(for: date)
        let wall = Int((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let number = Int((Double(wall) / DayNumber.secondsPerDay).rounded(.down))
        let secondOfDay = wall - number * 86_400
        let time = String(format: "%02d:%02d", secondOfDay / 3600, secondOfDay % 3600 / 60)
        let sign = offset < 0 ? "-" : "+"
        let zoneText = sign + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return (DayNumber.day(number), time, zoneText)
    }
}
