import Foundation
import Testing
@testable import EscalationKit

@Suite struct BusinessTimePropertyTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }

    static let calendars: [(String, BusinessCalendar)] = [
        ("berlin", ClockFixtures.berlin), ("split", ClockFixtures.split), ("night", ClockFixtures.night),
        ("new york", ClockFixtures.newYork), ("easter", ClockFixtures.easter),
    ]

    /// Random starts over 2026 (both DST changes included), to the second.
    func randomStart(_ rng: inout ClockFixtures.Random) -> Date {
        iso("2026-01-01T00:00:00Z").addingTimeInterval(Double(Int.random(in: 0..<(365 * 86_400), using: &rng)))
    }

    @Test(arguments: calendars)
    func elapsedInvertsDeadline(name: String, calendar: BusinessCalendar) {
        var rng = ClockFixtures.Random(seed: 0x5EED ^ UInt64(name.count))
        for _ in 0..<300 {
            let start = randomStart(&rng)
            let minutes = Int.random(in: 1...(3 * 5 * 8 * 60), using: &rng) // up to three working weeks
            let target: SLATarget = minutes % 60 == 0 ? .hours(minutes / 60) : .minutes(minutes)
            let end = BusinessTime.deadline(from: start, adding: target, basis: .business, calendar: calendar)
            let counted = BusinessTime.elapsed(from: start, to: end, basis: .business, calendar: calendar)
            #expect(counted == Double(minutes * 60), "\(name): \(start) + \(target) → \(end) counted \(counted)")
            // The deadline is the first moment the target is used up: a minute earlier it is not.
            let before = BusinessTime.elapsed(from: start, to: end.addingTimeInterval(-60), basis: .business, calendar: calendar)
            #expect(before < Double(minutes * 60))
        }
    }

    @Test func workingDaysOnEightHourDaysAreEightHoursEach() {
        var rng = ClockFixtures.Random(seed: 42)
        for _ in 0..<300 {
            let start = randomStart(&rng)
            let n = Int.random(in: 1...15, using: &rng)
            let end = BusinessTime.deadline(from: start, adding: .days(n), basis: .business, calendar: .standard)
            #expect(BusinessTime.elapsed(from: start, to: end, basis: .business, calendar: .standard) == Double(n * 8 * 3600),
                    "\(start) + \(n)d → \(end)")
        }
    }

    @Test func twoWeekTargetsAreFast() {
        var rng = ClockFixtures.Random(seed: 7)
        let clock = ContinuousClock()
        let took = clock.measure {
            for _ in 0..<200 {
                let start = randomStart(&rng)
                let end = BusinessTime.deadline(from: start, adding: .weeks(2), basis: .business, calendar: ClockFixtures.easter)
                _ = BusinessTime.elapsed(from: start, to: end, basis: .business, calendar: ClockFixtures.easter)
            }
        }
        // Day-by-day walks: about 20 steps each. Stepping minutes would take ~20,000 steps and many seconds.
        #expect(took < .seconds(3), "200 two-week deadlines took \(took)")
    }
}

/// The working spans agree with Foundation's `Calendar` wherever a wall-clock time exists exactly once.
@Suite struct BusinessTimeFoundationAgreementTests {
    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo"])
    func nightRangesStartAndEndWhereCalendarSays(zone: String) {
        let tz = TimeZone(identifier: zone)!
        let calendar = ClockFixtures.days(1...7, "01:00-04:00", zone: zone)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = tz
        var days = WorkingDays(calendar, from: ClockFixtures.instant("2026-01-01T00:00:00Z"))
        let first = DayNumber.of(CalendarDay("2026-01-01")!)
        for number in first..<(first + 365) {
            let day = DayNumber.day(number)
            func local(_ hour: Int) -> Double {
                gregorian.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour))!.timeIntervalSince1970
            }
            let spans = days.spans(on: number)
            #expect(spans.count == 1, "\(zone) \(day)")
            #expect(spans.first?.start == local(1) && spans.first?.end == local(4), "\(zone) \(day): \(spans)")
            #expect(DayNumber.weekday(number) == day.weekday)
        }
    }
}
