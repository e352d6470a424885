import Foundation
import Testing
@testable import EscalationKit

/// The iCalendar reader behind `[calendar] holidays_ics`: strict, and exact about which days it reads.
@Suite struct HolidayCalendarFileTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func days(_ text: String) throws -> [String: String] {
        let found = try HolidayCalendarFile.holidays(in: text, zone: berlin)
        return Dictionary(uniqueKeysWithValues: found.map { ($0.key.description, $0.value) })
    }

    func problem(_ text: String) -> HolidayCalendarFile.Problem? {
        do { _ = try HolidayCalendarFile.holidays(in: text, zone: berlin); return nil } catch { return error }
    }

    func calendar(_ events: String...) -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"] + events + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
    }

    @Test func allDayEventsWithAndWithoutAnEnd() throws {
        let text = calendar("BEGIN:VEVENT", "UID:1", "DTSTART;VALUE=DATE:20261225", "DTEND;VALUE=DATE:20261227", "SUMMARY:Christmas", "END:VEVENT",
                            "BEGIN:VEVENT", "UID:2", "DTSTART;VALUE=DATE:20261231", "SUMMARY:New Year's Eve", "END:VEVENT")
        #expect(try days(text) == ["2026-12-25": "Christmas", "2026-12-26": "Christmas", "2026-12-31": "New Year's Eve"])
    }

    @Test func timedEventsMarkTheDaysTheyTouchInTheCalendarsZone() throws {
        // 23:30 UTC on 31 December is already 1 January in Berlin; a TZID time is read in its own zone.
        let text = calendar("BEGIN:VEVENT", "DTSTART:20261231T233000Z", "DTEND:20270101T010000Z", "SUMMARY:Party", "END:VEVENT",
                            "BEGIN:VEVENT", "DTSTART;TZID=America/New_York:20260703T200000", "DTEND;TZID=America/New_York:20260704T200000",
                            "SUMMARY:Independence", "END:VEVENT",
                            "BEGIN:VEVENT", "DTSTART:20260501T090000", "SUMMARY:Floating", "END:VEVENT")
        #expect(try days(text) == ["2027-01-01": "Party", "2026-07-04": "Independence", "2026-07-05": "Independence", "2026-05-01": "Floating"])
    }

    @Test func foldedLinesAreUnfolded() throws {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DA\r\n TE:20261003\r\nSUMMARY:Tag der Deutschen\r\n  Einheit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect(try days(text) == ["2026-10-03": "Tag der Deutschen Einheit"])
    }

    @Test func yearlyRulesRepeatOnTheSameDay() throws {
        let counted = try days(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260501", "RRULE:FREQ=YEARLY;COUNT=3", "SUMMARY:Labour Day", "END:VEVENT"))
        #expect(counted.keys.sorted() == ["2026-05-01", "2027-05-01", "2028-05-01"])
        let until = try days(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;INTERVAL=2;UNTIL=20301231;BYMONTH=12;BYMONTHDAY=25",
                                      "END:VEVENT"))
        #expect(until.keys.sorted() == ["2026-12-25", "2028-12-25", "2030-12-25"])
        let forever = try days(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20240229", "RRULE:FREQ=YEARLY", "END:VEVENT"))
        #expect(forever.keys.sorted().prefix(3) == ["2024-02-29", "2028-02-29", "2032-02-29"], "29 February repeats only where it exists")
        #expect(forever.keys.sorted().last == "2096-02-29")
    }

    @Test func cancelledEventsAndOtherComponentsAreSkipped() throws {
        let text = calendar("BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "DTSTART:19701025T030000", "END:STANDARD", "END:VTIMEZONE",
                            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224", "STATUS:CANCELLED", "END:VEVENT",
                            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261226", "BEGIN:VALARM", "TRIGGER:-PT15M", "END:VALARM", "END:VEVENT")
        #expect(try days(text) == ["2026-12-26": ""])
    }

    @Test func whatItCannotHonourExactlyIsRefusedWithItsLine() throws {
        #expect(problem("BEGIN:VEVENT\nEND:VEVENT\n")?.line == 1)
        #expect(problem("hello\n") != nil)
        let noStart = problem(calendar("BEGIN:VEVENT", "SUMMARY:x", "END:VEVENT"))
        #expect(noStart?.line == 4)
        #expect(noStart?.message.contains("DTSTART") == true)
        let badDate = problem(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261332", "END:VEVENT"))
        #expect(badDate?.line == 5)
        let monthly = problem(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261101", "RRULE:FREQ=MONTHLY", "END:VEVENT"))
        #expect(monthly?.line == 6)
        #expect(monthly?.message.contains("FREQ=MONTHLY") == true)
        let byDay = problem(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126", "RRULE:FREQ=YEARLY;BYDAY=4TH", "END:VEVENT"))
        #expect(byDay?.message.contains("BYDAY") == true)
        #expect(problem(calendar("BEGIN:VEVENT", "DTSTART;TZID=Mars/Olympus:20261126T090000", "END:VEVENT"))?.message.contains("Mars/Olympus") == true)
        #expect(problem(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126", "EXDATE;VALUE=DATE:20271126", "END:VEVENT"))?.line == 6)
        let unclosed = problem("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261126\nEND:VCALENDAR\n")
        #expect(unclosed?.line == 4)
        #expect(problem(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126", "DTEND;VALUE=DATE:20261126", "END:VEVENT")) != nil)
        #expect(problem(calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126", "DTEND:20261127T100000Z", "END:VEVENT")) != nil)
        #expect(problem(" folded first\n")?.line == 1)
    }

    @Test func explainNamesTheHolidaysThatMovedADeadline() throws {
        var policy = Policy.standard
        let found = try HolidayCalendarFile.holidays(in: calendar("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260316", "SUMMARY:Founders' Day", "END:VEVENT"),
                                                    zone: policy.calendar.timeZone)
        policy.calendar.holidays.formUnion(found.keys)
        policy.calendar.holidayNames = found
        var s = ClockScenario(policy: policy)
        try s.open(ClockFixtures.instant("2026-03-13T15:00:00+01:00"))
        let resolve = try #require(s.clocks.explain(s.escalation, at: ClockFixtures.instant("2026-03-13T15:00:00+01:00")).first { $0.kind == .resolve })
        #expect(resolve.counted.holidays.map(\.description) == ["2026-03-16"])
        #expect(resolve.lines.contains("  holidays skipped: 2026-03-16 (Founders' Day)"))
    }
}
