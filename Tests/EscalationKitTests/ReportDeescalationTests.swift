import Foundation
import Testing
@testable import EscalationKit

/// Seed 003's recommend-deescalation and seed 001's de-escalation checklist.
@Suite struct ReportDeescalationTests {
    let now = utc("2026-03-12 12:00")

    func resolved() throws -> (Desk, Escalation) {
        var desk = Desk()
        let e = try desk.run(.create(draft()), at: utc("2026-03-10 08:00"))
        try desk.run(.acknowledge(owner: "Mike"), e.id, at: utc("2026-03-10 09:00"))
        let done = try desk.run(.resolve(resolution: "Patch v2.3.5 deployed"), e.id, at: utc("2026-03-11 09:00"))
        return (desk, done)
    }

    @Test func seedExampleDeescalates() throws {
        var (desk, e) = try resolved()
        e = try desk.run(.deescalate(Deescalation(rootCause: "Memory leak in v2.3.4", fixApplied: "Patch deployed v2.3.5",
                                                  customerConfirmed: true, monitoringComplete: true)), e.id, at: now)
        let advice = DeescalationAdvice(for: e, at: now, policy: desk.policy)
        #expect(advice.action == .deescalate)
        #expect(advice.rationale == ["Root cause found: Memory leak in v2.3.4.", "Fix applied: Patch deployed v2.3.5.",
                                     "The customer confirmed the resolution.", "Stable through the monitoring period."])
        #expect(advice.checklist.map(\.text) == ["Notify Engineering that ESC-2026-0001 is de-escalated",
                                                 "Update the ticket with the resolution", "Inform Acme Corp of the resolution",
                                                 "Record what was learned for future reference"])
        #expect(advice.checklist.map(\.done) == [false, true, false, false])
        #expect(advice.text.hasPrefix("Recommendation: de-escalate\n"))
        #expect(advice.text.contains("[x] Update the ticket with the resolution\n"))
    }

    @Test func partialWhileConfirmationOrMonitoringIsOutstanding() throws {
        let (desk, e) = try resolved()
        let advice = DeescalationAdvice(for: e, record: Deescalation(rootCause: "Memory leak", fixApplied: "Patch", customerConfirmed: true),
                                        at: now, policy: desk.policy)
        #expect(advice.action == .partial)
        #expect(advice.checklist.contains { $0.text == "Finish the monitoring period before de-escalating fully" })
        #expect(!advice.checklist.contains { $0.text.contains("confirm the fix") })
        let workaround = DeescalationAdvice(for: e, record: Deescalation(fixApplied: "Workaround: export in CSV"), at: now, policy: desk.policy)
        #expect(workaround.action == .partial)
    }

    @Test func keepWithoutRootCauseOrFix() throws {
        let (desk, e) = try resolved()
        let advice = DeescalationAdvice(for: e, record: Deescalation(customerConfirmed: true, monitoringComplete: true), at: now, policy: desk.policy)
        #expect(advice.action == .keep)
        #expect(advice.rationale.first == "Root cause not yet found.")
    }

    @Test func jsonUsesSeedSpelling() throws {
        let (desk, e) = try resolved()
        let data = try JSONEncoder().encode(DeescalationAdvice(for: e, at: now, policy: desk.policy))
        #expect(String(decoding: data, as: UTF8.self).contains("\"action\":\"keep\""))
        #expect(DeescalationAction.deescalate.rawValue == "de-escalate")
    }
}
