import Foundation
import Testing
@testable import EscalationKit

/// Seed 000's stall rule: no progress for 48 h (critical, calendar time) or 5 business days (otherwise).
@Suite struct ClockStallTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }
    let friday15 = ClockFixtures.instant("2026-03-13T15:00:00+01:00")

    @Test func criticalStallsAfter48CalendarHours() throws {
        var s = ClockScenario()
        try s.open(friday15, severity: .critical)
        try s.commit(.acknowledge(owner: "Mike"), at: friday15)
        let stallsAt = iso("2026-03-15T15:00:00+01:00") // a Sunday: calendar time does not skip weekends
        #expect(s.clocks.status(of: s.escalation, at: stallsAt.addingTimeInterval(-60)) == .acknowledged)
        #expect(s.clocks.status(of: s.escalation, at: stallsAt) == .stalled)
        #expect(s.clocks.stallStart(of: s.escalation, at: stallsAt.addingTimeInterval(3600)) == stallsAt)
    }

    @Test func highStallsAfterFiveBusinessDaysSkippingTheWeekend() throws {
        var s = ClockScenario()
        try s.open(friday15)
        try s.commit(.acknowledge(owner: "Mike"), at: friday15)
        try s.commit(.start, at: friday15)
        let stallsAt = iso("2026-03-20T15:00:00+01:00") // the following Friday
        #expect(s.clocks.status(of: s.escalation, at: stallsAt.addingTimeInterval(-60)) == .inProgress)
        #expect(s.clocks.status(of: s.escalation, at: stallsAt) == .stalled)
        #expect(s.reading(.stall, at: stallsAt)?.rule == "high: stalled after 5 business days without progress")
    }

    @Test func mediumStallIsPushedOneDayByAHoliday() throws {
        var policy = Policy.standard
        policy.calendar.holidays = [CalendarDay("2026-03-18")!]
        var s = ClockScenario(policy: policy)
        try s.open(friday15, severity: .medium)
        try s.commit(.acknowledge(owner: "Mike"), at: friday15)
        #expect(s.clocks.status(of: s.escalation, at: iso("2026-03-20T16:00:00+01:00")) == .acknowledged)
        #expect(s.clocks.stallStart(of: s.escalation, at: iso("2026-03-23T16:00:00+01:00")) == iso("2026-03-23T15:00:00+01:00"))
    }

    @Test func progressEndsTheStall() throws {
        var s = ClockScenario()
        try s.open(friday15)
        try s.commit(.acknowledge(owner: "Mike"), at: friday15)
        try s.commit(.start, at: friday15)
        let noteAt = iso("2026-03-20T16:00:00+01:00")
        #expect(s.clocks.status(of: s.escalation, at: noteAt) == .stalled)
        let event = try s.commit(.note("Vendor replied; patch in test"), at: noteAt)
        #expect(event.change == .progressNoted(note: "Vendor replied; patch in test", endedStall: iso("2026-03-20T15:00:00+01:00")))
        #expect(s.escalation.stallEpisodes == 1)
        #expect(s.clocks.status(of: s.escalation, at: noteAt) == .inProgress)
        #expect(s.reading(.stall, at: noteAt)?.deadline == iso("2026-03-27T16:00:00+01:00"))
        // A note on an escalation that is not stalled records no stall.
        let second = try s.commit(.note("Patch deployed"), at: iso("2026-03-23T10:00:00+01:00"))
        #expect(second.change == .progressNoted(note: "Patch deployed", endedStall: nil))
        #expect(s.escalation.stallEpisodes == 1)
    }

    @Test func aRoutedEscalationNeverStalls() throws {
        var s = ClockScenario()
        try s.open(friday15)
        let muchLater = iso("2026-04-30T12:00:00+02:00")
        #expect(s.reading(.stall, at: muchLater)?.state == .paused)
        #expect(s.clocks.status(of: s.escalation, at: muchLater) == .routed)
    }
}
