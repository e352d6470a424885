import Foundation
import Testing
@testable import EscalationKit

@Suite struct BusinessTimeTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }

    func deadline(_ start: String, _ target: SLATarget, _ basis: TimeBasis = .business,
                  _ calendar: BusinessCalendar = ClockFixtures.berlin) -> Date {
        BusinessTime.deadline(from: iso(start), adding: target, basis: basis, calendar: calendar)
    }

    @Test func fridayAfternoonFourHoursLandsMondayAcrossSpringForward() {
        // 30 min on Friday, 3 h 30 on Monday; the weekend in between is when Berlin moves to CEST.
        #expect(deadline("2026-03-27T16:30:00+01:00", .hours(4)) == iso("2026-03-30T12:30:00+02:00"))
        #expect(BusinessTime.elapsed(from: iso("2026-03-27T16:30:00+01:00"), to: iso("2026-03-30T12:30:00+02:00"),
                                     basis: .business, calendar: ClockFixtures.berlin) == 4 * 3600)
    }

    @Test func multiRangeDaysSkipTheBreak() {
        let split = ClockFixtures.split
        #expect(deadline("2026-03-10T11:00:00+01:00", .hours(3), .business, split) == iso("2026-03-10T15:00:00+01:00"))
        #expect(deadline("2026-03-10T12:45:00+01:00", .hours(1), .business, split) == iso("2026-03-10T14:30:00+01:00"))
        // A target that runs out at the end of a range ends there, not after the break.
        #expect(deadline("2026-03-10T09:00:00+01:00", .minutes(210), .business, split) == iso("2026-03-10T12:30:00+01:00"))
        #expect(deadline("2026-03-10T09:00:00+01:00", .hours(8), .business, split) == iso("2026-03-10T18:00:00+01:00"))
        #expect(BusinessTime.elapsed(from: iso("2026-03-10T08:00:00+01:00"), to: iso("2026-03-10T20:00:00+01:00"),
                                     basis: .business, calendar: split) == 8 * 3600)
    }

    @Test func aStartOutsideWorkingHoursCountsFromTheNextWorkingMoment() {
        #expect(deadline("2026-03-14T10:00:00+01:00", .hours(1)) == iso("2026-03-16T10:00:00+01:00")) // Saturday
        #expect(deadline("2026-03-16T07:00:00+01:00", .minutes(30)) == iso("2026-03-16T09:30:00+01:00")) // early Monday
        #expect(deadline("2026-03-17T20:00:00+01:00", .hours(2)) == iso("2026-03-18T11:00:00+01:00")) // Tuesday night
    }

    @Test func holidaysAndWeekendsAreSkipped() {
        // Thursday before Easter: Good Friday, the weekend and Easter Monday are all off.
        let start = iso("2026-04-02T16:00:00+02:00")
        let end = BusinessTime.deadline(from: start, adding: .hours(2), basis: .business, calendar: ClockFixtures.easter)
        #expect(end == iso("2026-04-07T10:00:00+02:00"))
        let counted = BusinessTime.breakdown(from: start, to: end, calendar: ClockFixtures.easter)
        #expect(counted.holidays.map(\.description) == ["2026-04-03", "2026-04-06"])
        #expect(counted.nonWorkingDays.map(\.description) == ["2026-04-04", "2026-04-05"])
        #expect(counted.intervalCount == 2)
        #expect(counted.workingSeconds == 2 * 3600)
    }

    @Test func springForwardRemovesTheMissingHourFromANightRange() {
        let night = ClockFixtures.night
        // 01:00–04:00 on 2026-03-29 is 01:00 CET to 04:00 CEST: two real hours.
        #expect(deadline("2026-03-29T01:00:00+01:00", .hours(2), .business, night) == iso("2026-03-29T04:00:00+02:00"))
        #expect(deadline("2026-03-29T01:00:00+01:00", .hours(3), .business, night) == iso("2026-03-30T02:00:00+02:00"))
        #expect(deadline("2026-03-29T03:30:00+02:00", .minutes(30), .business, night) == iso("2026-03-29T04:00:00+02:00"))
        #expect(BusinessTime.elapsed(from: iso("2026-03-29T00:00:00+01:00"), to: iso("2026-03-29T12:00:00+02:00"),
                                     basis: .business, calendar: night) == 2 * 3600)
        // The day before and after have their full three hours.
        #expect(BusinessTime.elapsed(from: iso("2026-03-28T00:00:00+01:00"), to: iso("2026-03-28T12:00:00+01:00"),
                                     basis: .business, calendar: night) == 3 * 3600)
    }

    @Test func fallBackCountsTheDoubledHourTwice() {
        let night = ClockFixtures.night
        // 01:00 CEST to 04:00 CET on 2026-10-25: the clock shows 02:00–03:00 twice, four real hours.
        #expect(deadline("2026-10-25T01:00:00+02:00", .hours(4), .business, night) == iso("2026-10-25T04:00:00+01:00"))
        #expect(BusinessTime.elapsed(from: iso("2026-10-25T00:00:00+02:00"), to: iso("2026-10-25T12:00:00+01:00"),
                                     basis: .business, calendar: night) == 4 * 3600)
        // From the first 02:30 an hour later is the second 02:30.
        #expect(deadline("2026-10-25T02:30:00+02:00", .hours(1), .business, night) == iso("2026-10-25T02:30:00+01:00"))
    }

    @Test func aRangeInsideTheSpringForwardGapIsNoWorkingTimeThatDay() {
        let gapOnly = ClockFixtures.days(7...7, "02:00-03:00") // Sundays only
        // 2026-03-29 has no 02:xx at all, so the next working time is the following Sunday.
        #expect(deadline("2026-03-28T12:00:00+01:00", .minutes(30), .business, gapOnly) == iso("2026-04-05T02:30:00+02:00"))
        // On the fall-back Sunday the hour exists twice.
        #expect(deadline("2026-10-24T12:00:00+02:00", .minutes(90), .business, gapOnly) == iso("2026-10-25T02:30:00+01:00"))
    }

    @Test func calendarBasisCountsRealSeconds() {
        // 48 h from Saturday noon in Berlin cross the spring-forward night: the wall clock reads 13:00.
        #expect(deadline("2026-03-28T12:00:00+01:00", .hours(48), .calendar) == iso("2026-03-30T13:00:00+02:00"))
        #expect(deadline("2026-10-24T12:00:00+02:00", .days(1), .calendar) == iso("2026-10-25T11:00:00+01:00"))
        #expect(deadline("2026-03-10T09:00:00+01:00", .weeks(1), .calendar) == iso("2026-03-17T09:00:00+01:00"))
        #expect(deadline("2026-03-10T09:00:00+01:00", .minutes(30), .calendar) == iso("2026-03-10T09:30:00+01:00"))
        #expect(BusinessTime.elapsed(from: iso("2026-03-28T12:00:00+01:00"), to: iso("2026-03-30T13:00:00+02:00"),
                                     basis: .calendar, calendar: .standard) == 48 * 3600)
    }

    @Test func newYorkSwitchesOnItsOwnDates() {
        let ny = ClockFixtures.newYork
        #expect(deadline("2026-03-06T16:00:00-05:00", .hours(2), .business, ny) == iso("2026-03-09T10:00:00-04:00"))
        #expect(deadline("2026-10-30T16:00:00-04:00", .hours(2), .business, ny) == iso("2026-11-02T10:00:00-05:00"))
        #expect(deadline("2026-03-07T12:00:00-05:00", .hours(24), .calendar, ny) == iso("2026-03-08T13:00:00-04:00"))
        // Berlin has not moved yet on 2026-03-09: 15:00 in New York is 20:00 in Berlin, not 21:00.
        #expect(deadline("2026-03-09T09:00:00-04:00", .hours(6), .business, ny) == iso("2026-03-09T20:00:00+01:00"))
    }

    @Test func workingDaysKeepTheBusinessPosition() {
        #expect(deadline("2026-03-13T15:00:00+01:00", .days(5)) == iso("2026-03-20T15:00:00+01:00"))
        #expect(deadline("2026-03-27T15:00:00+01:00", .days(1)) == iso("2026-03-30T15:00:00+02:00"))
        #expect(deadline("2026-03-02T10:00:00+01:00", .weeks(2)) == iso("2026-03-16T10:00:00+01:00"))
        // A start after hours counts from the next working day's start.
        #expect(deadline("2026-03-09T20:00:00+01:00", .days(1)) == iso("2026-03-11T09:00:00+01:00"))
        #expect(deadline("2026-03-14T10:00:00+01:00", .days(1)) == iso("2026-03-17T09:00:00+01:00"))
        // A lunch-break start keeps the morning's position.
        #expect(deadline("2026-03-10T12:45:00+01:00", .days(1), .business, ClockFixtures.split) == iso("2026-03-11T12:30:00+01:00"))
        // On a shorter day the position is clamped to its end.
        var shortFriday = ClockFixtures.berlin
        shortFriday.hours[5] = [WorkingRange("09:00-13:00")!]
        #expect(deadline("2026-03-12T16:00:00+01:00", .days(1), .business, shortFriday) == iso("2026-03-13T13:00:00+01:00"))
        // A holiday pushes the day count one further.
        let withHoliday = ClockFixtures.days(1...5, "09:00-17:00", holidays: ["2026-03-18"])
        #expect(deadline("2026-03-13T15:00:00+01:00", .days(5), .business, withHoliday) == iso("2026-03-23T15:00:00+01:00"))
    }

    @Test func endOfBusinessDay() {
        #expect(deadline("2026-03-10T10:00:00+01:00", .endOfBusinessDay) == iso("2026-03-10T17:00:00+01:00"))
        #expect(deadline("2026-03-10T07:00:00+01:00", .endOfBusinessDay) == iso("2026-03-10T17:00:00+01:00"))
        #expect(deadline("2026-03-10T17:00:00+01:00", .endOfBusinessDay) == iso("2026-03-11T17:00:00+01:00"))
        #expect(deadline("2026-03-14T10:00:00+01:00", .endOfBusinessDay) == iso("2026-03-16T17:00:00+01:00"))
        #expect(deadline("2026-03-10T10:00:00+01:00", .endOfBusinessDay, .business, ClockFixtures.split) == iso("2026-03-10T18:00:00+01:00"))
        #expect(deadline("2026-03-10T10:00:00+01:00", .endOfBusinessDay, .calendar) == iso("2026-03-10T17:00:00+01:00"))
        #expect(deadline("2026-04-02T18:00:00+02:00", .endOfBusinessDay, .business, ClockFixtures.easter) == iso("2026-04-07T17:00:00+02:00"))
    }

    @Test func aCalendarWithoutWorkingTimeNeverReachesABusinessDeadline() {
        let idle = BusinessCalendar(timeZone: TimeZone(identifier: "UTC")!, hours: [:])
        #expect(deadline("2026-03-10T10:00:00Z", .hours(1), .business, idle) == .distantFuture)
        #expect(deadline("2026-03-10T10:00:00Z", .days(1), .business, idle) == .distantFuture)
        #expect(deadline("2026-03-10T10:00:00Z", .endOfBusinessDay, .business, idle) == iso("2026-03-11T00:00:00Z"))
        #expect(BusinessTime.elapsed(from: iso("2026-03-10T10:00:00Z"), to: iso("2026-03-12T10:00:00Z"), basis: .business, calendar: idle) == 0)
    }

    @Test func elapsedIsZeroBackwards() {
        #expect(BusinessTime.elapsed(from: iso("2026-03-10T12:00:00+01:00"), to: iso("2026-03-10T10:00:00+01:00"),
                                     basis: .business, calendar: .standard) == 0)
    }
}
