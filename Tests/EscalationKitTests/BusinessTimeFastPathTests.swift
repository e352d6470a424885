import Foundation
import Testing
@testable import EscalationKit

/// `elapsed` sums days without listing them, and walks share the zone's offsets through `CalendarTables`:
/// both must count exactly what the day-by-day `breakdown` counts, whatever order walks run in.
@Suite struct BusinessTimeFastPathTests {
    static let calendars: [(String, BusinessCalendar)] = [
        ("berlin", ClockFixtures.berlin), ("split", ClockFixtures.split), ("night", ClockFixtures.night),
        ("new york", ClockFixtures.newYork), ("easter", ClockFixtures.easter),
    ]

    @Test(arguments: calendars)
    func elapsedCountsWhatBreakdownCounts(name: String, calendar: BusinessCalendar) {
        var rng = ClockFixtures.Random(seed: 0xFA57 ^ UInt64(name.count))
        let origin = ClockFixtures.instant("2025-06-01T00:00:00Z")
        for _ in 0..<400 {
            // Starts over two years in random order (so walks find the shared offsets learned from
            // later and from earlier starts), spans from seconds to two months, DST changes included.
            let start = origin.addingTimeInterval(Double(Int.random(in: 0..<(2 * 365 * 86_400), using: &rng)))
            let end = start.addingTimeInterval(Double(Int.random(in: 1..<(60 * 86_400), using: &rng)))
            let fast = BusinessTime.elapsed(from: start, to: end, basis: .business, calendar: calendar)
            let slow = BusinessTime.breakdown(from: start, to: end, calendar: calendar, keeping: 0).workingSeconds
            #expect(fast == slow, "\(name): \(start) → \(end)")
        }
    }

    @Test func deadlinesDoNotDependOnWhichWalkRanFirst() {
        let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "America/Santiago")!, hours: ClockFixtures.newYork.hours)
        let starts = (0..<200).map { ClockFixtures.instant("2024-01-01T00:00:00Z").addingTimeInterval(Double($0) * 5 * 86_400 + 3_600) }
        let forward = starts.map { BusinessTime.deadline(from: $0, adding: .days(3), basis: .business, calendar: calendar) }
        let backward = starts.reversed().map { BusinessTime.deadline(from: $0, adding: .days(3), basis: .business, calendar: calendar) }
        #expect(forward == Array(backward.reversed()))
        // The shared offsets read as offsets learned afresh from each start would.
        for start in starts.reversed() {
            let t = start.timeIntervalSince1970
            var fresh = ZoneOffsets(zone: calendar.timeZone, from: t)
            var shared = CalendarTables.of(calendar).offsets(calendar.timeZone, from: t)
            for hour in stride(from: 0.0, to: 40 * 24, by: 7) {
                #expect(fresh.offset(at: t + hour * 3600) == shared.offset(at: t + hour * 3600))
            }
        }
    }
}
