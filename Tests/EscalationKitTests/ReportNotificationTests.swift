import Foundation
import Testing
@testable import EscalationKit

/// Seed 003's notification texts and the payload hooks receive.
@Suite struct ReportNotificationTests {
    let now = utc("2026-03-10 09:00")

    func routed(_ title: String = "API latency issue") throws -> (Desk, Escalation) {
        var desk = Desk()
        let e = try desk.run(.create(draft(title, renewal: CalendarDay("2026-05-16"), brief: goodBrief(deadline: utc("2026-03-13 16:00")))),
                             at: utc("2026-03-10 08:00"))
        return (desk, e)
    }

    @Test func kindsAreSnakeCase() {
        #expect(NotificationKind.allCases.map(\.rawValue) == ["routed", "acknowledged", "stalled", "breach_warning", "resolved",
                                                              "closed", "reopened", "severity_changed", "tier_changed", "reescalated"])
        #expect(NotificationKind(change: .acknowledged(owner: "x")) == .acknowledged)
        #expect(NotificationKind(change: .progressNoted(note: "x", endedStall: nil)) == nil)
        #expect(NotificationKind(change: .created(Draft(title: "t", account: Account(name: "a", arr: Money(1)), category: .security,
                                                        severity: .high, team: "security", reopenedFrom: EscalationID(year: 2026, number: 1)))) == .reopened)
    }

    @Test func handoff() throws {
        let (desk, e) = try routed()
        let m = NotificationMessage(.handoff, kind: .routed, for: e, at: now, policy: desk.policy)
        #expect(m.subject == "[ESC-2026-0001] P1 Engineering: API latency issue (Acme Corp)")
        #expect(m.body.hasPrefix("New escalation ESC-2026-0001, routed to you.\n\nAPI latency issue affecting Acme Corp — P1 opened today"))
        #expect(m.body.contains("\nAsk: Investigate the slow query on /v2/orders and provide a fix or timeline\n"))
        #expect(m.body.contains("\nAcknowledge by: 2026-03-10 13:00 (in 3 hours)\n"))
        #expect(m.body.contains("\n- Cleared the cache: no change\n"))
    }

    @Test func managementSummaryAndExecutiveBriefing() throws {
        let (desk, e) = try routed()
        let summary = NotificationMessage(.managementSummary, kind: .breachWarning, for: e, at: now, policy: desk.policy)
        #expect(summary.subject == "[ESC-2026-0001] Routed: API latency issue (Acme Corp, critical)")
        #expect(summary.body.contains("Acknowledge: due 2026-03-10 13:00"))
        let exec = NotificationMessage(.executiveBriefing, kind: .severityChanged, for: e, at: now, policy: desk.policy)
        #expect(exec.subject == "[ESC-2026-0001] Executive briefing: Acme Corp — EUR 85k ARR at stake")
        #expect(exec.body.contains("\nCommercial: EUR 85k ARR, renewal in 67 days; Expansion deal of EUR 20k pending\n"))
    }

    @Test func customerConfirmationHasNoInternalDetail() throws {
        var (desk, e) = try routed()
        let open = NotificationMessage(.customerConfirmation, kind: .routed, for: e, at: now, policy: desk.policy)
        #expect(open.subject == "We have escalated your issue: API latency issue")
        #expect(open.body.contains("You will hear from us again by 2026-03-10 13:00 (Europe/Berlin)."))
        #expect(!open.body.contains("EUR"))
        try desk.run(.acknowledge(owner: "Mike"), e.id, at: now)
        e = try desk.run(.resolve(resolution: "We added an index."), e.id, at: now)
        let done = NotificationMessage(.customerConfirmation, kind: .resolved, for: e, at: now, policy: desk.policy)
        #expect(done.subject == "Resolved: API latency issue")
        #expect(done.body.contains("has resolved \"API latency issue\". We added an index."))
    }

    @Test func payloadIsTheJSONAHookReads() throws {
        var (desk, e) = try routed()
        // The lifecycle refuses controls; a store written by another tool might still hold one.
        e.title = "Evil\u{200F}\u{1B}[2J title"
        let m = NotificationMessage(.handoff, kind: .routed, for: e, at: now, policy: desk.policy)
        let object = try #require(try JSONSerialization.jsonObject(with: m.payloadJSON) as? [String: Any])
        #expect(Set(object.keys) == ["kind", "template", "escalation_id", "account", "severity", "status", "summary",
                                     "subject", "body", "links", "time", "owner", "idempotency_key", "level", "clock"])
        #expect(object["clock"] as? String == "ack in 3h", "the most urgent clock, as a card shows it: routed an hour ago")
        #expect(object["owner"] is NSNull, "null while unowned")
        #expect(object["kind"] as? String == "routed")
        #expect(object["escalation_id"] as? String == "ESC-2026-0001")
        #expect(object["status"] as? String == "routed")
        #expect(object["links"] as? [String] == ["https://support.example.com/tickets/4711"])
        #expect(!m.subject.unicodeScalars.contains { SafeText.isControl($0) })
        #expect(try JSONDecoder().decode(NotificationPayload.self, from: m.payloadJSON) == m.payload)
    }

    @Test func theOwnersRosterHandlesReachTheHook() throws {
        var (desk, e) = try routed()
        e = try desk.run(.acknowledge(owner: "lena"), e.id, at: now)
        var policy = desk.policy
        policy.people = Roster([Person(login: "lena", name: "Lena Vogel", team: "cs_leadership", email: "lena@example.com", chat: "@lena")])
        let m = NotificationMessage(.handoff, kind: .acknowledged, for: e, at: now, policy: policy)
        #expect(m.payload.owner == NotificationOwner(login: "lena", name: "Lena Vogel", team: "cs_leadership", email: "lena@example.com", chat: "@lena"))
        #expect(m.body.contains("Owner: Lena Vogel"), "people read the name: \(m.body)")
        let object = try #require(try JSONSerialization.jsonObject(with: m.payloadJSON) as? [String: Any])
        #expect((object["owner"] as? [String: Any])?["chat"] as? String == "@lena")
        let outside = NotificationMessage(.handoff, kind: .acknowledged, for: e, at: now, policy: desk.policy)
        #expect(outside.payload.owner == NotificationOwner(login: "lena", name: "lena", team: nil, email: nil, chat: nil))
    }
}
