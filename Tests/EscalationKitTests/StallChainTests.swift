import Foundation
import Testing
@testable import EscalationKit

/// The re-escalation of a stalled escalation along its category's chain: the times its
/// notifications go out, golden, and when it stops.
@Suite struct StallChainTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }
    let friday15 = ClockFixtures.instant("2026-03-13T15:00:00+01:00")

    @Test func aStalledHighEscalationClimbsTheChainInBusinessHours() throws {
        var s = ClockScenario()
        try s.open(friday15)
        try s.commit(.acknowledge(owner: "Mike"), at: friday15)
        try s.commit(.start, at: friday15)
        let stalled = iso("2026-03-20T15:00:00+01:00") // five business days later
        let schedule = ChainSchedule(policy: s.policy)
        #expect(schedule.stallSteps(for: s.escalation, at: stalled.addingTimeInterval(-60)).isEmpty, "not stalled yet")
        let steps = schedule.stallSteps(for: s.escalation, at: stalled)
        // From the stall, as if routed then: 4 business hours to acknowledge (09–17 Berlin), half of it
        // Friday 17:00, all of it Monday 11:00; then every 4 hours, three times.
        #expect(steps.map(\.at) == [stalled, iso("2026-03-20T17:00:00+01:00"), iso("2026-03-23T11:00:00+01:00"),
                                    iso("2026-03-23T15:00:00+01:00"), iso("2026-03-23T19:00:00+01:00"), iso("2026-03-23T23:00:00+01:00")])
        #expect(steps.map(\.label) == ["stalled, level 1 (contact)", "stalled, level 2 (lead)", "stalled, level 3 (team:cs_leadership)",
                                       "stalled, repeat 1 (team:cs_leadership)", "stalled, repeat 2 (team:cs_leadership)",
                                       "stalled, repeat 3 (team:cs_leadership)"])
        #expect(schedule.stallDue(for: s.escalation, at: iso("2026-03-20T16:59:59+01:00")).map(\.level) == [1])
        #expect(schedule.stallDue(for: s.escalation, at: iso("2026-03-20T17:00:00+01:00")).map(\.level) == [1, 2])
        #expect(schedule.reached(by: s.escalation, at: iso("2026-03-23T12:00:00+01:00"))?.label == "stalled, level 3 (team:cs_leadership)")
        // Progress ends the stall, and the chain with it.
        try s.commit(.note("Profiling the slow query"), at: iso("2026-03-23T12:00:00+01:00"))
        #expect(schedule.stallDue(for: s.escalation, at: iso("2026-03-23T16:00:00+01:00")).isEmpty)
        #expect(schedule.reached(by: s.escalation, at: iso("2026-03-23T16:00:00+01:00")) == nil)
    }

    @Test func aCriticalStallCountsCalendarTimeAndACategoryChain() throws {
        var policy = Policy.standard
        policy.chains[.productDefect] = EscalationChain(levels: [.init(.lead, at: 0.5), .init(.person("Nadia Petrova"), at: 1)],
                                                        repeatEveryHours: 2, repeatTimes: 1)
        var s = ClockScenario(policy: policy)
        try s.open(friday15, severity: .critical)
        try s.commit(.acknowledge(owner: "Mike"), at: friday15)
        let stalled = iso("2026-03-15T15:00:00+01:00") // 48 calendar hours, a Sunday
        let steps = ChainSchedule(policy: policy).stallSteps(for: s.escalation, at: stalled)
        // Critical counts calendar time: 4 hours to acknowledge (the category's, the standard tier's), Sunday included.
        #expect(steps.map(\.at) == [iso("2026-03-15T17:00:00+01:00"), iso("2026-03-15T19:00:00+01:00"), iso("2026-03-15T21:00:00+01:00")])
        #expect(steps.map(\.names) == ["Engineering lead (none named)", "Nadia Petrova", "Nadia Petrova"])
    }

    @Test func waitingOnTheCustomerStopsTheStallChain() throws {
        var s = ClockScenario()
        try s.open(friday15)
        try s.commit(.acknowledge(owner: "Mike"), at: friday15)
        try s.commit(.start, at: friday15)
        try s.commit(.wait(on: .customer, reason: "Logs", until: nil), at: iso("2026-03-16T10:00:00+01:00"))
        #expect(ChainSchedule(policy: s.policy).stallSteps(for: s.escalation, at: iso("2026-03-27T10:00:00+01:00")).isEmpty)
    }
}
