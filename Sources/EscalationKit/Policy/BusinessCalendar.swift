import Foundation

/// A time of day on the wall clock, minutes since midnight (0...1440).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 24 * 60 else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses "09:00" or "24:00".
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }
}

/// A span of working time within one day, e.g. 09:00–12:30.
public struct WorkingRange: Hashable, Sendable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    /// Returns nil unless start is before end.
    public init?(start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses "09:00-17:30" (spaces around the times allowed).
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map(\.trimmedSpaces)
        guard parts.count == 2, let s = TimeOfDay(parts[0]), let e = TimeOfDay(parts[1]) else { return nil }
        self.init(start: s, end: e)
    }

    public var minutes: Int { end.minutes - start.minutes }
    public var description: String { "\(start)-\(end)" }
}

/// When the team works: a time zone, working ranges for each ISO weekday (1 Monday … 7 Sunday), and holidays.
public struct BusinessCalendar: Hashable, Sendable {
    public var timeZone: TimeZone {
        get { zone.resolved }
        set { zone = LazyTimeZone(newValue) }
    }
    /// Working ranges per ISO weekday; a weekday with no ranges is not worked.
    public var hours: [Int: [WorkingRange]]
    public var holidays: Set<CalendarDay>
    /// What some holidays are called (from an iCalendar file's SUMMARY), for `explain`.
    public var holidayNames: [CalendarDay: String]
    private var zone: LazyTimeZone

    public init(timeZone: TimeZone, hours: [Int: [WorkingRange]], holidays: Set<CalendarDay> = [], holidayNames: [CalendarDay: String] = [:]) {
        self.zone = LazyTimeZone(timeZone)
        self.hours = hours
        self.holidays = holidays
        self.holidayNames = holidayNames
    }

    /// Monday to Friday, 09:00–17:00, Europe/Berlin, no holidays. The zone is looked up when a clock
    /// first needs it, so commands that read no clock (`score`, `init`, `config`) load no zone data.
    public static let standard: BusinessCalendar = {
        let nineToFive = WorkingRange(start: TimeOfDay(hour: 9, minute: 0)!, end: TimeOfDay(hour: 17, minute: 0)!)!
        var calendar = BusinessCalendar(timeZone: .gmt, hours: [1: [nineToFive], 2: [nineToFive], 3: [nineToFive], 4: [nineToFive], 5: [nineToFive]])
        calendar.zone = LazyTimeZone(identifier: "Europe/Berlin")
        return calendar
    }()

    public static func == (a: Self, b: Self) -> Bool {
        a.zone.identifier == b.zone.identifier && a.hours == b.hours && a.holidays == b.holidays && a.holidayNames == b.holidayNames
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(zone.identifier)
        hasher.combine(hours)
        hasher.combine(holidays)
        hasher.combine(holidayNames)
    }

    /// The working ranges of `day`: none on weekends and holidays.
    public func ranges(on day: CalendarDay) -> [WorkingRange] {
        holidays.contains(day) ? [] : (hours[day.weekday] ?? [])
    }

    /// True when at least one weekday has working time.
    public var hasWorkingTime: Bool { hours.values.contains { !$0.isEmpty } }

    /// What is wrong with this calendar, one sentence each; empty when it is usable. Configuration
    /// loading reports these as errors: a business deadline on a calendar without working time never comes.
    public func problems() -> [String] {
        var found: [String] = []
        for weekday in hours.keys.sorted() where !(1...7).contains(weekday) {
            found.append("weekday \(weekday) does not exist: weekdays are 1 (Monday) to 7 (Sunday)")
        }
        if !hours.contains(where: { (1...7).contains($0.key) && !$0.value.isEmpty }) {
            found.append("the calendar has no working hours on any day, so business-time deadlines would never come")
        }
        for weekday in hours.keys.sorted() where (1...7).contains(weekday) {
            let ranges = hours[weekday]!.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            for (earlier, later) in zip(ranges, ranges.dropFirst()) where later.start < earlier.end {
                found.append("\(BusinessCalendar.weekdayNames[weekday - 1]): working ranges \(earlier) and \(later) overlap")
            }
        }
        return found
    }

    /// English weekday names, ISO order (Monday first).
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}

/// A time zone named now and built on first use: building a `TimeZone` on Linux opens ICU's zone
/// data (about 0.7 ms of a command's start-up, measured with `perf`).
private final class LazyTimeZone: @unchecked Sendable {
    let identifier: String
    private let lock = NSLock()
    private var zone: TimeZone?

    init(identifier: String) { self.identifier = identifier }

    init(_ zone: TimeZone) {
        identifier = zone.identifier
        self.zone = zone
    }

    var resolved: TimeZone {
        lock.lock()
        defer { lock.unlock() }
        if let zone { return zone }
        // The identifier was checked where it was written (a known zone, or the configuration's check).
        let made = TimeZone(identifier: identifier) ?? .gmt
        zone = made
        return made
    }
}
