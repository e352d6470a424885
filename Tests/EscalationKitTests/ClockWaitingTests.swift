import Foundation
import Testing
@testable import EscalationKit

/// Golden deadlines for waiting: the resolve and stall clocks stop while an escalation waits, each
/// deadline moves by what the clock would have counted meanwhile, across DST changes and holidays;
/// the acknowledge clock never stops.
@Suite struct ClockWaitingTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }
    let tuesday9 = ClockFixtures.instant("2026-03-10T09:00:00+01:00")
    let wednesday13 = ClockFixtures.instant("2026-03-11T13:00:00+01:00")
    let friday11 = ClockFixtures.instant("2026-03-13T11:00:00+01:00")

    /// High product defect (48 business hours to resolve) opened Tuesday 09:00 in Berlin, acknowledged at 10:00.
    func acknowledged(_ policy: Policy = .standard) throws -> ClockScenario {
        var s = ClockScenario(policy: policy)
        try s.open(tuesday9)
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T10:00:00+01:00"))
        return s
    }

    @Test func aResumedWaitMovesTheResolveAndStallDeadlinesByItsWorkingTime() throws {
        var s = try acknowledged()
        #expect(s.reading(.resolve, at: wednesday13)?.deadline == iso("2026-03-17T17:00:00+01:00"))
        try s.commit(.wait(on: .customer, reason: "Waiting for the customer's logs", until: nil), at: wednesday13)
        // While it waits: paused; the deadline shown is where the clock ends if resumed now (36 working hours left).
        let thursday12 = iso("2026-03-12T12:00:00+01:00")
        let paused = try #require(s.reading(.resolve, at: thursday12))
        #expect(paused.state == .paused)
        #expect(paused.deadline == iso("2026-03-18T16:00:00+01:00"))
        #expect(abs(paused.used - 12.0 / 48) < 1e-9)
        #expect(s.reading(.stall, at: thursday12)?.state == .paused)
        #expect(s.clocks.status(of: s.escalation, at: iso("2026-03-30T12:00:00+02:00")) == .acknowledged, "a waiting escalation never stalls")
        try s.commit(.resume(reason: "Logs received"), at: friday11)
        // 14 working hours waited (Wed 13–17, Thu, Fri 9–11): 36 h left from Friday 11:00.
        let resolve = try #require(s.reading(.resolve, at: iso("2026-03-16T09:00:00+01:00")))
        #expect(resolve.state == .running)
        #expect(resolve.deadline == iso("2026-03-19T15:00:00+01:00"))
        #expect(s.reading(.stall, at: friday11)?.deadline == iso("2026-03-18T16:00:00+01:00"))
        // The acknowledge clock stopped when acknowledged, as ever; the internal update was already late before the wait.
        #expect(s.reading(.acknowledge, at: friday11)?.deadline == iso("2026-03-10T13:00:00+01:00"))
        #expect(s.reading(.internalUpdate, at: friday11)?.deadline == iso("2026-03-10T14:00:00+01:00"))
        #expect(s.reading(.internalUpdate, at: friday11)?.state == .breached)
    }

    @Test func aHolidayAfterTheWaitIsSkippedToo() throws {
        var policy = Policy.standard
        policy.calendar.holidays = [CalendarDay("2026-03-16")!]
        var s = try acknowledged(policy)
        try s.commit(.wait(on: .vendor, reason: "Cloud provider ticket", until: nil), at: wednesday13)
        try s.commit(.resume(reason: "Provider answered"), at: friday11)
        // 36 working hours from Friday 11:00, Monday a holiday: Friday 6, Tuesday to Thursday 24, Friday 6.
        #expect(s.reading(.resolve, at: friday11)?.deadline == iso("2026-03-20T15:00:00+01:00"))
    }

    @Test func anUntilResumesByItselfAcrossSpringForward() throws {
        // Critical counts calendar time: 24 h from Saturday 10:00 CET. The wait lasts 23 real hours
        // (12:00 CET to 12:00 CEST), so the deadline moves 23 hours, to Monday 10:00 CEST.
        var s = ClockScenario()
        try s.open(iso("2026-03-28T10:00:00+01:00"), severity: .critical)
        try s.commit(.wait(on: .customer, reason: "Customer to restart the cluster", until: iso("2026-03-29T12:00:00+02:00")),
                     at: iso("2026-03-28T12:00:00+01:00"))
        #expect(s.reading(.resolve, at: iso("2026-03-29T11:00:00+02:00"))?.state == .paused)
        #expect(s.reading(.resolve, at: iso("2026-03-29T11:00:00+02:00"))?.pausedByWait == true)
        // Routed: the stall clock is paused by the status, not by the wait.
        #expect(s.reading(.stall, at: iso("2026-03-29T11:00:00+02:00"))?.state == .paused)
        #expect(s.reading(.stall, at: iso("2026-03-29T11:00:00+02:00"))?.pausedByWait == false)
        #expect(s.clocks.currentWait(of: s.escalation, at: iso("2026-03-29T11:59:00+02:00"))?.party == .customer)
        #expect(s.clocks.currentWait(of: s.escalation, at: iso("2026-03-29T12:00:00+02:00")) == nil)
        let after = try #require(s.reading(.resolve, at: iso("2026-03-29T13:00:00+02:00")))
        #expect(after.state == .running)
        #expect(after.deadline == iso("2026-03-30T10:00:00+02:00"))
        // The acknowledge clock never pauses: 1 h for a critical escalation's tier is… the tier's 4 h, still from routing.
        #expect(s.reading(.acknowledge, at: iso("2026-03-28T13:00:00+01:00"))?.deadline == iso("2026-03-28T14:00:00+01:00"))
        #expect(s.reading(.acknowledge, at: iso("2026-03-28T13:00:00+01:00"))?.state == .running)
    }

    @Test func aWaitAcrossFallBackInNewYorkCountsTheRepeatedHour() throws {
        // Business time in New York with the Sunday-night range of the fall-back golden case: a wait over
        // that Sunday stops the clock for the 50 minutes it would have counted (20 EDT + 30 EST).
        var policy = Policy.standard
        policy.calendar = ClockFixtures.newYork
        policy.calendar.hours[7] = [WorkingRange("01:40-02:10")!]
        var s = ClockScenario(policy: policy)
        try s.open(iso("2026-10-30T16:00:00-04:00")) // Friday: 48 business hours
        try s.commit(.wait(on: .internal, reason: "Security review", until: iso("2026-11-01T03:00:00-05:00")), at: iso("2026-10-31T12:00:00Z"))
        // Without the wait: Fri 1 h, Sun 50 min, Mon–Fri 40 h, Sun 30 min, and 5 h 40 on Monday 9 November: 14:40.
        // With it, the first Sunday's 50 minutes are not counted: 50 minutes later.
        #expect(s.reading(.resolve, at: iso("2026-11-02T09:00:00-05:00"))?.deadline == iso("2026-11-09T15:30:00-05:00"))
        let moved = try #require(s.clocks.explain(s.escalation, at: iso("2026-11-02T09:00:00-05:00")).first { $0.kind == .resolve }?.waits.first)
        #expect(moved.oldDeadline == iso("2026-11-09T14:40:00-05:00"))
    }

    @Test func aCustomerUpdateEndsAWaitOnTheCustomerWhereTheCategorySaysSo() throws {
        var s = try acknowledged()
        try s.commit(.wait(on: .customer, reason: "Waiting for logs", until: nil), at: wednesday13)
        let thursday10 = iso("2026-03-12T10:00:00+01:00")
        try s.commit(.customerUpdate("Logs received, thanks"), at: thursday10)
        #expect(s.clocks.currentWait(of: s.escalation, at: thursday10.addingTimeInterval(60)) == nil)
        #expect(s.clocks.waitIntervals(of: s.escalation).first?.endedBy == .customerUpdate)
        #expect(s.reading(.resolve, at: thursday10)?.deadline == iso("2026-03-18T14:00:00+01:00"))

        var policy = Policy.standard
        policy.categories[.productDefect]!.waiting.customerUpdateResumes = false
        var strict = try acknowledged(policy)
        try strict.commit(.wait(on: .customer, reason: "Waiting for logs", until: nil), at: wednesday13)
        try strict.commit(.customerUpdate("Reminded them"), at: thursday10)
        #expect(strict.clocks.currentWait(of: strict.escalation, at: thursday10.addingTimeInterval(60))?.party == .customer)
    }

    @Test func theInternalCadenceStopsOnlyWhereTheCategorySaysSo() throws {
        var s = try acknowledged()
        try s.commit(.note("Reproduced"), at: iso("2026-03-11T12:00:00+01:00"))
        try s.commit(.wait(on: .customer, reason: "Logs", until: nil), at: wednesday13)
        #expect(s.reading(.internalUpdate, at: iso("2026-03-11T16:00:00+01:00"))?.state == .paused)
        var policy = Policy.standard
        policy.categories[.productDefect]!.waiting.pausesInternalUpdates = false
        var t = try acknowledged(policy)
        try t.commit(.note("Reproduced"), at: iso("2026-03-11T12:00:00+01:00"))
        try t.commit(.wait(on: .customer, reason: "Logs", until: nil), at: wednesday13)
        #expect(t.reading(.internalUpdate, at: iso("2026-03-11T15:59:00+01:00"))?.state == .running)
        #expect(t.reading(.internalUpdate, at: iso("2026-03-11T16:00:00+01:00"))?.deadline == iso("2026-03-11T16:00:00+01:00"))
    }

    @Test func theLifecycleGuardsWaiting() throws {
        var s = try acknowledged()
        #expect(throws: LifecycleError.self) { try s.commit(.resume(reason: "x"), at: wednesday13) }
        #expect(throws: LifecycleError.self) { try s.commit(.wait(on: .customer, reason: " ", until: nil), at: wednesday13) }
        #expect(throws: LifecycleError.self) { try s.commit(.wait(on: .customer, reason: "logs", until: self.tuesday9), at: wednesday13) }
        try s.commit(.wait(on: .customer, reason: "logs", until: friday11), at: wednesday13)
        #expect(throws: LifecycleError.self) { try s.commit(.wait(on: .vendor, reason: "again", until: nil), at: wednesday13.addingTimeInterval(60)) }
        // Once its until has passed, it may wait again.
        try s.commit(.wait(on: .vendor, reason: "Provider", until: nil), at: friday11.addingTimeInterval(60))
        try s.commit(.start, at: friday11.addingTimeInterval(120))
        try s.commit(.resolve(resolution: "Fixed"), at: friday11.addingTimeInterval(180))
        #expect(s.clocks.waitIntervals(of: s.escalation).map(\.endedBy) == [.until, .resolution])
        #expect(throws: LifecycleError.self) { try s.commit(.wait(on: .customer, reason: "confirm", until: nil), at: friday11.addingTimeInterval(240)) }
    }

    @Test func explainShowsEachDeadlineMovedByAWait() throws {
        var s = try acknowledged()
        try s.commit(.wait(on: .customer, reason: "Waiting for the customer's logs", until: nil), at: wednesday13)
        try s.commit(.resume(reason: "Logs received"), at: friday11)
        let explained = s.clocks.explain(s.escalation, at: friday11)
        let resolve = try #require(explained.first { $0.kind == .resolve })
        #expect(resolve.waits.count == 1)
        #expect(resolve.waits.first?.oldDeadline == iso("2026-03-17T17:00:00+01:00"))
        #expect(resolve.waits.first?.newDeadline == iso("2026-03-19T15:00:00+01:00"))
        #expect(resolve.lines.contains { $0.contains("waiting on the customer from 2026-03-11 13:00 to 2026-03-13 11:00 (1d22h) — Waiting for the customer's logs; resumed: Logs received") })
        #expect(resolve.lines.contains("      deadline Tue 2026-03-17 17:00 +01:00 → Thu 2026-03-19 15:00 +01:00"))
        #expect(explained.first { $0.kind == .acknowledge }?.waits.isEmpty == true)
        // The internal update ran out before the wait began: the wait did not move it.
        #expect(explained.first { $0.kind == .internalUpdate }?.waits.isEmpty == true)
    }

    @Test func metricsReportWaitingApartAndDoNotCountItAgainstTheSLA() throws {
        var s = try acknowledged()
        try s.commit(.wait(on: .customer, reason: "Logs", until: nil), at: wednesday13)
        try s.commit(.resume(reason: "Logs received"), at: friday11)
        try s.commit(.start, at: friday11)
        // Resolved after the deadline it had without the wait (Tue 17:00), before the moved one (Thu 15:00).
        let resolvedAt = iso("2026-03-18T10:00:00+01:00")
        try s.commit(.resolve(resolution: "Index added"), at: resolvedAt)
        let report = MetricsReport([s.escalation], from: CalendarDay("2026-03-01")!...CalendarDay("2026-03-31")!, by: .category,
                                   at: resolvedAt, policy: s.policy)
        #expect(report.total.resolveSLAPercent == 100)
        #expect(report.total.waited == 1)
        #expect(report.total.timeWaitingHours == 46)
    }
}
