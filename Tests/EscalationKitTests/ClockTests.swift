import Foundation
import Testing
@testable import EscalationKit

/// Each clock's start, stop, pauses and warnings, on escalations built through the lifecycle (Berlin, 09:00–17:00).
@Suite struct ClockTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }
    let tuesday9 = ClockFixtures.instant("2026-03-10T09:00:00+01:00")

    @Test func acknowledgeClockWarnsThenStopsAtAcknowledgement() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        let early = try #require(s.reading(.acknowledge, at: iso("2026-03-10T10:00:00+01:00")))
        #expect(early.deadline == iso("2026-03-10T13:00:00+01:00"))
        #expect(early.state == .running && early.used == 0.25 && early.warning == nil)
        #expect(s.reading(.acknowledge, at: iso("2026-03-10T11:00:00+01:00"))?.warning == 0.5)
        #expect(s.reading(.acknowledge, at: iso("2026-03-10T12:00:00+01:00"))?.warning == 0.75)
        let late = try #require(s.reading(.acknowledge, at: iso("2026-03-10T13:00:00+01:00")))
        #expect(late.state == .breached && late.warning == 1.0)
        try s.commit(.acknowledge(owner: "Mike Ross"), at: iso("2026-03-10T10:30:00+01:00"))
        let met = try #require(s.reading(.acknowledge, at: iso("2026-03-12T10:00:00+01:00")))
        #expect(met.state == .met && met.stoppedAt == iso("2026-03-10T10:30:00+01:00") && met.warning == nil && !met.isLive)
    }

    @Test func acknowledgementAfterTheDeadlineIsABreach() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T16:00:00+01:00"))
        #expect(s.reading(.acknowledge, at: iso("2026-03-11T09:00:00+01:00"))?.state == .breached)
    }

    @Test func theStricterOfCategoryAndTierWins() throws {
        var s = ClockScenario()
        try s.open(tuesday9, tier: .criticalMultiCustomer)
        let ack = try #require(s.reading(.acknowledge, at: tuesday9))
        #expect(ack.deadline == iso("2026-03-10T10:00:00+01:00") && ack.target == .hours(1))
        #expect(ack.rule.contains("stricter wins"))
        // Executive intervention: end of business day beats tier 1's 4 h late in the day.
        var exec = ClockScenario()
        try exec.open(iso("2026-03-10T15:00:00+01:00"), category: .executiveIntervention)
        #expect(exec.reading(.acknowledge, at: tuesday9)?.deadline == iso("2026-03-10T17:00:00+01:00"))
        // Security bypasses tiers and counts calendar time, even on a Saturday.
        var security = ClockScenario()
        try security.open(iso("2026-03-14T10:00:00+01:00"), category: .security, tier: .businessCritical)
        let secAck = try #require(security.reading(.acknowledge, at: iso("2026-03-14T10:00:00+01:00")))
        #expect(secAck.deadline == iso("2026-03-14T11:00:00+01:00") && secAck.basis == .calendar)
        #expect(secAck.rule.contains("bypasses tiers"))
    }

    @Test func resolveClockCountsFromRoutingUntilResolution() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        // 48 business hours = six 8-hour days: Tue, Wed, Thu, Fri, Mon, Tue.
        #expect(s.reading(.resolve, at: tuesday9)?.deadline == iso("2026-03-17T17:00:00+01:00"))
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T10:00:00+01:00"))
        try s.commit(.start, at: iso("2026-03-10T11:00:00+01:00"))
        #expect(s.reading(.resolve, at: iso("2026-03-11T09:00:00+01:00"))?.state == .running)
        try s.commit(.resolve(resolution: "Index added"), at: iso("2026-03-16T12:00:00+01:00"))
        let resolved = try #require(s.reading(.resolve, at: iso("2026-03-20T12:00:00+01:00")))
        #expect(resolved.state == .met && resolved.stoppedAt == iso("2026-03-16T12:00:00+01:00"))
    }

    @Test func internalUpdateIsPausedWhileRoutedAndRestartsAtEachNote() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        let routed = try #require(s.reading(.internalUpdate, at: iso("2026-03-10T16:00:00+01:00")))
        #expect(routed.state == .paused && routed.used == 0 && !routed.isLive && routed.warning == nil)
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T10:00:00+01:00"))
        #expect(s.reading(.internalUpdate, at: iso("2026-03-10T11:00:00+01:00"))?.deadline == iso("2026-03-10T14:00:00+01:00"))
        try s.commit(.note("Found the slow query"), at: iso("2026-03-10T12:00:00+01:00"))
        let afterNote = try #require(s.reading(.internalUpdate, at: iso("2026-03-10T12:30:00+01:00")))
        #expect(afterNote.start == iso("2026-03-10T12:00:00+01:00") && afterNote.deadline == iso("2026-03-10T16:00:00+01:00"))
        #expect(afterNote.state == .running)
    }

    @Test func customerUpdatePausesWhileResolvedAndEndsAtClosure() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        #expect(s.reading(.customerUpdate, at: tuesday9)?.state == .running)
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T10:00:00+01:00"))
        try s.commit(.customerUpdate("We are on it"), at: iso("2026-03-10T11:00:00+01:00"))
        #expect(s.reading(.customerUpdate, at: iso("2026-03-10T11:00:00+01:00"))?.deadline == iso("2026-03-11T11:00:00+01:00"))
        try s.commit(.resolve(resolution: "Fixed"), at: iso("2026-03-10T15:00:00+01:00"))
        let paused = try #require(s.reading(.customerUpdate, at: iso("2026-03-13T15:00:00+01:00")))
        #expect(paused.state == .paused && paused.used == 0.5 && !paused.isLive)
        #expect(s.reading(.internalUpdate, at: iso("2026-03-10T16:00:00+01:00")) == nil)
        #expect(s.reading(.stall, at: iso("2026-03-10T16:00:00+01:00")) == nil)
        try s.commit(.close, at: iso("2026-03-11T10:00:00+01:00"))
        #expect(s.reading(.customerUpdate, at: iso("2026-03-11T10:00:00+01:00")) == nil)
        #expect(s.clocks.mostUrgent(s.escalation, at: iso("2026-03-11T10:00:00+01:00")) == nil)
    }

    @Test func movingBackToRoutedRestartsTheAcknowledgementClock() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T10:00:00+01:00"))
        try s.commit(.back(reason: "wrong team"), at: iso("2026-03-10T11:00:00+01:00"))
        let ack = try #require(s.reading(.acknowledge, at: iso("2026-03-10T11:30:00+01:00")))
        #expect(ack.state == .running && ack.start == iso("2026-03-10T11:00:00+01:00"))
        #expect(ack.deadline == iso("2026-03-10T15:00:00+01:00"))
    }

    @Test func mostUrgentIsTheEarliestLiveDeadline() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        #expect(s.clocks.mostUrgent(s.escalation, at: tuesday9)?.kind == .acknowledge)
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T10:00:00+01:00"))
        // Internal update due 14:00 beats the customer update (17:00) and resolve.
        #expect(s.clocks.mostUrgent(s.escalation, at: iso("2026-03-10T10:00:00+01:00"))?.kind == .internalUpdate)
    }

    @Test func severityChangeRecomputesFromTheOriginalStart() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        #expect(s.reading(.resolve, at: tuesday9)?.deadline == iso("2026-03-17T17:00:00+01:00"))
        try s.commit(.severity(.critical, reason: "Second customer hit"), at: iso("2026-03-10T10:00:00+01:00"))
        let resolve = try #require(s.reading(.resolve, at: iso("2026-03-10T10:00:00+01:00")))
        // Critical: 24 h of calendar time, still from routing.
        #expect(resolve.start == tuesday9 && resolve.basis == .calendar)
        #expect(resolve.deadline == iso("2026-03-11T09:00:00+01:00"))
    }

    @Test func tierAndCategoryChangesRecomputeToo() throws {
        var s = ClockScenario()
        try s.open(tuesday9)
        try s.commit(.tier(.businessCritical, reason: "Board-level account"), at: iso("2026-03-10T09:10:00+01:00"))
        #expect(s.reading(.acknowledge, at: iso("2026-03-10T09:10:00+01:00"))?.deadline == iso("2026-03-10T09:30:00+01:00"))
        try s.commit(.category(.featureGap, reason: "Not a bug"), at: iso("2026-03-10T09:20:00+01:00"))
        // Feature gap: a decision within 2 business weeks of routing.
        #expect(s.reading(.resolve, at: iso("2026-03-10T09:20:00+01:00"))?.deadline == iso("2026-03-24T09:00:00+01:00"))
    }
}
