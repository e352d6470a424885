import Foundation
import Testing
@testable import EscalationKit

/// `BusinessCalendar.problems()`: what configuration loading refuses.
@Suite struct BusinessTimeCalendarTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test func theStandardCalendarHasNoProblems() {
        #expect(BusinessCalendar.standard.problems().isEmpty)
        #expect(ClockFixtures.split.problems().isEmpty)
    }

    @Test func noWorkingHoursIsAProblem() {
        let empty = BusinessCalendar(timeZone: berlin, hours: [1: [], 2: []])
        #expect(empty.problems() == ["the calendar has no working hours on any day, so business-time deadlines would never come"])
    }

    @Test func overlappingRangesAreNamedByDay() {
        let overlapping = BusinessCalendar(timeZone: berlin, hours: [
            1: [WorkingRange("12:00-18:00")!, WorkingRange("09:00-12:30")!],
            2: [WorkingRange("09:00-12:30")!, WorkingRange("12:30-17:00")!], // touching is fine
        ])
        #expect(overlapping.problems() == ["Monday: working ranges 09:00-12:30 and 12:00-18:00 overlap"])
    }

    @Test func unknownWeekdaysAreProblems() {
        let odd = BusinessCalendar(timeZone: berlin, hours: [8: [WorkingRange("09:00-17:00")!]])
        #expect(odd.problems() == [
            "weekday 8 does not exist: weekdays are 1 (Monday) to 7 (Sunday)",
            "the calendar has no working hours on any day, so business-time deadlines would never come",
        ])
    }
}
