import Foundation
@testable import EscalationKit

/// Fixtures shared by the clock tests, in a namespace so they cannot collide with other suites' helpers.
enum ClockFixtures {
    /// Golden instants, written with explicit UTC offsets so a DST slip cannot hide.
    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad test instant \(text)") }
        return date
    }

    /// The calendars the golden cases run on: Monday to Friday 09:00–17:00 in Berlin.
    static let berlin = BusinessCalendar.standard
    static func days(_ weekdays: ClosedRange<Int>, _ ranges: String..., zone: String = "Europe/Berlin",
                     holidays: [String] = []) -> BusinessCalendar {
        BusinessCalendar(timeZone: TimeZone(identifier: zone)!,
                         hours: Dictionary(uniqueKeysWithValues: weekdays.map { ($0, ranges.map { WorkingRange($0)! }) }),
                         holidays: Set(holidays.map { CalendarDay($0)! }))
    }
    /// Two ranges with a lunch break.
    static let split = days(1...5, "09:00-12:30", "13:30-18:00")
    /// Every night 01:00–04:00: the range crosses the 02:00–03:00 hour that DST removes or doubles.
    static let night = days(1...7, "01:00-04:00")
    static let newYork = days(1...5, "09:00-17:00", zone: "America/New_York")
    static let easter = days(1...5, "09:00-17:00", holidays: ["2026-04-03", "2026-04-06"])
}

extension ClockFixtures {
    /// The demo's seeded generator, so a failing case is the same on every run.
    typealias Random = SeededRandom
}
