import Foundation
import Testing
@testable import EscalationKit

/// `Clocks.explain`: the text behind `escalator explain ID` and its JSON form.
@Suite struct ClockExplainTests {
    func iso(_ text: String) -> Date { ClockFixtures.instant(text) }

    func explanation(_ kind: ClockKind, _ s: ClockScenario, at time: Date) throws -> ClockExplanation {
        try #require(s.clocks.explain(s.escalation, at: time).first { $0.kind == kind })
    }

    @Test func namesRuleStartDeadlineAndSkippedDays() throws {
        var policy = Policy.standard
        policy.calendar = ClockFixtures.easter
        var s = ClockScenario(policy: policy)
        let start = iso("2026-04-02T16:00:00+02:00")
        try s.open(start)
        let ack = try explanation(.acknowledge, s, at: start)
        #expect(ack.deadline == iso("2026-04-07T12:00:00+02:00"))
        #expect(ack.counted.holidays.map(\.description) == ["2026-04-03", "2026-04-06"])
        let lines = ack.lines
        #expect(lines.first == "Acknowledge: running, 0% used")
        #expect(lines.contains("  rule: category product_defect: 4 business hours; Tier 1: 4 business hours; stricter wins"))
        #expect(lines.contains("  start: Thu 2026-04-02 16:00 +02:00, from routing (or the last move back to Routed)"))
        #expect(lines.contains("  deadline: Tue 2026-04-07 12:00 +02:00"))
        #expect(lines.contains("  counted: 4h 0m in 2 intervals"))
        #expect(lines.contains("    Thu 2026-04-02 16:00–17:00 +02:00 (1h 0m)"))
        #expect(lines.contains("    Tue 2026-04-07 09:00–12:00 +02:00 (3h 0m)"))
        #expect(lines.contains("  holidays skipped: 2026-04-03, 2026-04-06"))
        #expect(lines.contains("  non-working days skipped: 2026-04-04, 2026-04-05"))
    }

    @Test func capsTheIntervalsAndCountsTheRest() throws {
        var policy = Policy.standard
        policy.calendar = ClockFixtures.split
        var s = ClockScenario(policy: policy)
        try s.open(iso("2026-03-10T11:00:00+01:00"), category: .featureGap)
        let resolve = try explanation(.resolve, s, at: iso("2026-03-10T11:00:00+01:00"))
        // Ten working days of two ranges each, starting mid-morning: 21 intervals.
        #expect(resolve.counted.intervalCount == 21 && resolve.counted.intervals.count == 20)
        #expect(resolve.lines.contains("    … and 1 more"))
    }

    @Test func showsPausesAndTheDeadlineHistory() throws {
        var s = ClockScenario()
        let tuesday9 = iso("2026-03-10T09:00:00+01:00")
        try s.open(tuesday9)
        try s.commit(.acknowledge(owner: "Mike"), at: iso("2026-03-10T10:00:00+01:00"))
        try s.commit(.severity(.critical, reason: "Second customer hit"), at: iso("2026-03-10T11:00:00+01:00"), actor: "bob")
        let now = iso("2026-03-10T12:00:00+01:00")
        let resolve = try explanation(.resolve, s, at: now)
        #expect(resolve.deadlineHistory.count == 1)
        let change = try #require(resolve.deadlineHistory.first)
        #expect(change.oldDeadline == iso("2026-03-17T17:00:00+01:00") && change.newDeadline == iso("2026-03-11T09:00:00+01:00"))
        #expect(resolve.lines.contains("    Tue 2026-03-10 11:00 +01:00 bob: severity high → critical (Second customer hit): "
            + "Tue 2026-03-17 17:00 +01:00 → Wed 2026-03-11 09:00 +01:00"))
        #expect(resolve.basis == .calendar && resolve.counted.intervalCount == 1)
        let internalClock = try explanation(.internalUpdate, s, at: now)
        #expect(internalClock.pausedIn == [.routed])
        #expect(internalClock.pauses == [.init(status: .routed, from: tuesday9, until: iso("2026-03-10T10:00:00+01:00"))])
        #expect(internalClock.lines.contains("    paused (Routed) from Tue 2026-03-10 09:00 +01:00 to Tue 2026-03-10 10:00 +01:00"))
    }

    @Test func roundTripsThroughJSON() throws {
        var s = ClockScenario()
        try s.open(iso("2026-03-10T09:00:00+01:00"))
        try s.commit(.tier(.complexTechnical, reason: "Needs a senior engineer"), at: iso("2026-03-10T09:30:00+01:00"))
        let explained = s.clocks.explain(s.escalation, at: iso("2026-03-10T10:00:00+01:00"))
        #expect(explained.map(\.kind) == [.acknowledge, .resolve, .internalUpdate, .customerUpdate, .stall])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let json = try encoder.encode(explained)
        #expect(try decoder.decode([ClockExplanation].self, from: json) == explained)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"target\":\"4h\"") || text.contains("\"target\":\"2h\""))
        let ack = try #require(explained.first)
        #expect(ack.deadlineHistory.first?.oldDeadline == iso("2026-03-10T13:00:00+01:00"))
        #expect(ack.deadlineHistory.first?.newDeadline == iso("2026-03-10T11:00:00+01:00"))
    }
}
