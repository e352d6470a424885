import Foundation
import Testing
@testable import EscalationKit

/// A working range that starts inside the hour a fall-back repeats: the README's rule is that the
/// repeated wall-clock time counts twice, so the range's first pass (before the clocks go back) counts too.
@Suite struct BusinessTimeFallBackTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }

    /// Weekdays 09:00–17:00 and a Sunday range 01:40–02:10 in New York, which goes back at 02:00 EDT on 2026-11-01.
    var newYorkSundayNight: BusinessCalendar {
        var calendar = ClockFixtures.newYork
        calendar.hours[7] = [WorkingRange("01:40-02:10")!]
        return calendar
    }

    @Test func aRangeStartingInTheRepeatedHourCountsItsFirstPass() {
        let calendar = newYorkSundayNight
        // Sunday: 01:40–02:00 EDT (20 min) and 01:40–02:10 EST (30 min); Monday 09:00 EST + 3 h 10.
        #expect(BusinessTime.deadline(from: iso("2026-10-31T12:00:00Z"), adding: .hours(4), basis: .business, calendar: calendar)
                == iso("2026-11-02T12:10:00-05:00"))
        #expect(BusinessTime.elapsed(from: iso("2026-11-01T00:00:00-04:00"), to: iso("2026-11-01T12:00:00-05:00"),
                                     basis: .business, calendar: calendar) == 50 * 60)
        let counted = BusinessTime.breakdown(from: iso("2026-11-01T00:00:00-04:00"), to: iso("2026-11-01T12:00:00-05:00"), calendar: calendar)
        #expect(counted.intervals.map(\.start) == [iso("2026-11-01T01:40:00-04:00"), iso("2026-11-01T01:40:00-05:00")])
        #expect(counted.intervals.map(\.end) == [iso("2026-11-01T02:00:00-04:00"), iso("2026-11-01T02:10:00-05:00")])
        // 30 minutes from the first 01:40 end at 01:50 EST: 20 minutes before the clocks go back, 10 after.
        #expect(BusinessTime.deadline(from: iso("2026-11-01T01:40:00-04:00"), adding: .minutes(30), basis: .business, calendar: calendar)
                == iso("2026-11-01T01:50:00-05:00"))
    }

    @Test func theIssuesExampleOnASundayOnlyCalendar() {
        // 50 minutes on 2026-11-01, then 30 each Sunday: 240 minutes end on the seventh Sunday after at 01:50.
        let sundays = ClockFixtures.days(7...7, "01:40-02:10", zone: "America/New_York")
        #expect(BusinessTime.deadline(from: iso("2026-10-31T12:00:00Z"), adding: .hours(4), basis: .business, calendar: sundays)
                == iso("2026-12-20T01:50:00-05:00"))
        #expect(BusinessTime.elapsed(from: iso("2026-10-31T12:00:00Z"), to: iso("2026-12-20T01:50:00-05:00"),
                                     basis: .business, calendar: sundays) == 4 * 3600)
    }

    @Test func aRangeWhollyInsideTheRepeatedHourCountsTwice() {
        let calendar = ClockFixtures.days(7...7, "01:15-01:45", zone: "America/New_York")
        #expect(BusinessTime.elapsed(from: iso("2026-11-01T00:00:00-04:00"), to: iso("2026-11-01T12:00:00-05:00"),
                                     basis: .business, calendar: calendar) == 60 * 60)
        #expect(BusinessTime.deadline(from: iso("2026-10-31T12:00:00Z"), adding: .minutes(45), basis: .business, calendar: calendar)
                == iso("2026-11-01T01:30:00-05:00"))
    }

    @Test func theSameInBerlinAndSydney() {
        // Berlin repeats 02:00–03:00 on 2026-10-25; Sydney repeats 02:00–03:00 on 2026-04-05.
        let berlin = ClockFixtures.days(7...7, "02:40-03:10")
        #expect(BusinessTime.elapsed(from: iso("2026-10-25T00:00:00+02:00"), to: iso("2026-10-25T12:00:00+01:00"),
                                     basis: .business, calendar: berlin) == 50 * 60)
        let sydney = ClockFixtures.days(7...7, "02:40-03:10", zone: "Australia/Sydney")
        #expect(BusinessTime.elapsed(from: iso("2026-04-05T00:00:00+11:00"), to: iso("2026-04-05T12:00:00+10:00"),
                                     basis: .business, calendar: sydney) == 50 * 60)
    }

    /// Every Sunday-night range that starts in or around the repeated hour, counted against the wall
    /// clock minute by minute: an instant counts when Foundation's local time reads inside the range.
    @Test(arguments: ["America/New_York", "Europe/Berlin"])
    func rangesAroundTheRepeatedHourCountWhatTheWallClockShows(zoneName: String) {
        let zone = TimeZone(identifier: zoneName)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let day = zoneName == "Europe/Berlin" ? DateComponents(year: 2026, month: 10, day: 25) : DateComponents(year: 2026, month: 11, day: 1)
        let midnight = calendar.startOfDay(for: calendar.date(from: day)!)
        for startMinute in stride(from: 0, to: 240, by: 10) {
            for length in [10, 30, 60, 90] {
                let text = String(format: "%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, (startMinute + length) / 60, (startMinute + length) % 60)
                let business = ClockFixtures.days(7...7, text, zone: zoneName)
                var expected = 0.0
                for minute in 0..<(26 * 60) {
                    let instant = midnight.addingTimeInterval(Double(minute) * 60)
                    let local = calendar.dateComponents([.day, .hour, .minute], from: instant)
                    let wall = local.hour! * 60 + local.minute!
                    if local.day == day.day, wall >= startMinute, wall < startMinute + length { expected += 60 }
                }
                let counted = BusinessTime.elapsed(from: midnight, to: midnight.addingTimeInterval(26 * 3600), basis: .business, calendar: business)
                #expect(counted == expected, "\(zoneName) \(text)")
                let end = BusinessTime.deadline(from: midnight, adding: .minutes(Int(expected / 60)), basis: .business, calendar: business)
                #expect(BusinessTime.elapsed(from: midnight, to: end, basis: .business, calendar: business) == expected, "\(zoneName) \(text)")
            }
        }
    }
}
