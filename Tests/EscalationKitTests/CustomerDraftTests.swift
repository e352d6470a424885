import Foundation
import Testing
@testable import EscalationKit

/// `escalator draft --for customer`: the text a CSM sends the customer carries no internal detail,
/// whatever the escalation holds. The fixture puts a marked secret in every internal field.
@Suite struct CustomerDraftTests {
    let now = ClockFixtures.instant("2026-03-11T10:00:00+01:00")

    /// Every internal field holds a "SECRET-…" marker; the owner, the team lead and the ARR are named too.
    func hostile() throws -> ClockScenario {
        var policy = Policy.standard
        policy.teams["engineering"]!.lead = "Priya SECRET-lead"
        policy.teams["engineering"]!.members = ["Jonas SECRET-member"]
        policy.teams["engineering"]!.channel = "#SECRET-channel"
        var s = ClockScenario(policy: policy)
        let brief = Brief(
            impact: "SECRET-impact: they lose EUR 85k", impactDimensions: ImpactDimensions(breadth: "SECRET-breadth", depth: "SECRET-depth",
                duration: "SECRET-duration", revenue: "SECRET-revenue EUR 85,000 ARR", reputation: "SECRET-reputation", contractual: "SECRET-contractual"),
            description: "SECRET-description", attempts: [Attempt(step: "SECRET-attempt", result: "SECRET-result")],
            reproduction: Reproduction(steps: ["SECRET-step"], expected: "SECRET-expected", actual: "SECRET-actual", environment: "SECRET-env"),
            communication: CustomerCommunication(lastUpdate: "", expectation: "SECRET-expectation", escalationRisk: "SECRET-risk: CTO will churn"),
            ask: Ask(kind: .decide, text: "SECRET-ask: approve a credit", deadline: now.addingTimeInterval(86_400)),
            commercialContext: "SECRET-commercial: renewal at risk, CRO involved", links: ["https://internal.example/SECRET-link"])
        let draft = Draft(title: "Export drops rows", account: Account(name: "Acme Corp", arr: Money(85_000), segment: .enterprise, healthScore: 31,
                                                                        renewal: CalendarDay("2026-05-16"), strategic: true),
                          category: .productDefect, severity: .critical, suggestedSeverity: .high, severityOverrideReason: "SECRET-override",
                          team: "engineering", dimensions: Dimensions(impact: 5, value: 5, urgency: 5, capability: 5), brief: brief,
                          sentiment: Sentiment(rawValue: "SECRET-sentiment"), pattern: "SECRET-pattern")
        s.id = try s.commit(.create(draft), at: ClockFixtures.instant("2026-03-10T09:00:00+01:00"), actor: "Reporter SECRET-reporter").escalation
        try s.commit(.acknowledge(owner: "Mike Ross"), at: ClockFixtures.instant("2026-03-10T09:30:00+01:00"))
        try s.commit(.start, at: ClockFixtures.instant("2026-03-10T09:40:00+01:00"))
        try s.commit(.note("SECRET-note: the 2026-03-09 deploy broke it, Mike's fault"), at: ClockFixtures.instant("2026-03-10T11:00:00+01:00"))
        try s.commit(.tier(.criticalMultiCustomer, reason: "SECRET-tier-reason"), at: ClockFixtures.instant("2026-03-10T12:00:00+01:00"))
        try s.commit(.link(pattern: "SECRET-pattern-2"), at: ClockFixtures.instant("2026-03-10T12:10:00+01:00"))
        return s
    }

    func expectNoInternalDetail(_ draft: MessageDraft, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = draft.subject + "\n" + draft.body
        for leak in ["SECRET", "Mike", "Ross", "Priya", "Jonas", "85", "ARR", "EUR", "€", "health", "renewal", "Tier", "critical", "strategic", "churn"] {
            #expect(!text.contains(leak), "the customer draft leaks \"\(leak)\":\n\(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func openWaitingAndResolvedCarryNoInternalDetail() throws {
        var s = try hostile()
        let open = MessageDraft(for: .customer, of: s.escalation, at: now, policy: s.policy)
        expectNoInternalDetail(open)
        #expect(open.subject == "We have escalated your issue: Export drops rows")
        #expect(open.body.hasPrefix("Hello Acme Corp team,\n\nWe have escalated \"Export drops rows\" to our Engineering team as priority P1.\n"))

        try s.commit(.wait(on: .customer, reason: "SECRET-wait: they never send logs", until: nil), at: now)
        let waiting = MessageDraft(for: .customer, of: s.escalation, at: now.addingTimeInterval(60), policy: s.policy)
        expectNoInternalDetail(waiting)
        #expect(waiting.body.contains("We are waiting for information from you"))

        try s.commit(.resume(reason: "SECRET-resume"), at: now.addingTimeInterval(120))
        try s.commit(.resolve(resolution: "We fixed the export; every row is exported again."), at: now.addingTimeInterval(180))
        let resolved = MessageDraft(for: .customer, of: s.escalation, at: now.addingTimeInterval(240), policy: s.policy)
        expectNoInternalDetail(resolved)
        #expect(resolved.subject == "Resolved: Export drops rows")
        #expect(resolved.body.contains("We fixed the export; every row is exported again."))
    }

    @Test func theInternalDraftsDoCarryItAndSayTheEscalationWaits() throws {
        var s = try hostile()
        try s.commit(.wait(on: .vendor, reason: "Cloud provider ticket 42", until: nil), at: now)
        let team = MessageDraft(for: .team, of: s.escalation, at: now, policy: s.policy)
        #expect(team.body.contains("Owner: Mike Ross"))
        #expect(team.body.contains("On hold: waiting on a vendor from 2026-03-11 10:00"))
        let management = MessageDraft(for: .management, of: s.escalation, at: now, policy: s.policy)
        #expect(management.body.contains("On hold: waiting on a vendor"))
        let executive = MessageDraft(for: .executive, of: s.escalation, at: now, policy: s.policy)
        #expect(executive.subject.contains("EUR 85k ARR at stake"))
        // The same text a hook is sent, without the hook's "what happened" first line.
        let hook = NotificationMessage(.managementSummary, kind: .breachWarning, for: s.escalation, at: now, policy: s.policy)
        #expect(hook.body.hasSuffix(management.body))
        #expect(hook.subject == management.subject)
    }

    @Test func theNoteForUpdateIsTheBodyAsOneParagraph() throws {
        let s = try hostile()
        let draft = MessageDraft(for: .customer, of: s.escalation, at: now, policy: s.policy)
        #expect(!draft.note.contains("\n"))
        #expect(draft.note.hasPrefix("Hello Acme Corp team, We have escalated"))
        #expect(draft.markdown.hasPrefix("# We have escalated your issue: Export drops rows\n\nHello"))
    }
}
