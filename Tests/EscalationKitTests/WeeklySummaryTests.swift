import Foundation
import Testing
@testable import EscalationKit

/// Seed 000's weekly summary: exact keys, order and formats, with the seed's own numbers rebuilt from events.
@Suite struct WeeklySummaryTests {
    /// Seed 000's example, verbatim (the seed shows it without indentation).
    static let seedExample = """
    {
    "report_date": "2026-03-10",
    "active_escalations": 7,
    "new_this_week": 3,
    "resolved_this_week": 2,
    "stalled": 1,
    "average_resolution_time_days": 4.2,
    "escalations": [
    {
    "id": "ESC-2026-0342",
    "account": "Acme Corp",
    "category": "product_defect",
    "severity": "critical",
    "status": "in_progress",
    "days_open": 5,
    "owner": "Mike Ross (Eng Lead)",
    "arr_at_risk": 85000,
    "customer_sentiment": "frustrated_but_patient",
    "next_update_due": "2026-03-11"
    }
    ],
    "trends": {
    "most_common_category": "product_defect",
    "avg_time_to_acknowledge": "3.1 hours",
    "stall_rate": "14%"
    }
    }
    """

    /// 23:00 in Berlin on report day 2026-03-10; the week is 2026-03-04 00:00 to 2026-03-11 00:00 Berlin time.
    let now = utc("2026-03-10 22:00")

    /// Seven active (three new this week, one stalled), two resolved this week in 4.0 and 4.4 days,
    /// two acknowledged this week after 3.0 and 3.2 hours.
    func seedWeek() throws -> Desk {
        var desk = Desk(firstNumber: 342)
        let a = try desk.run(.create(draft(sentiment: .frustratedButPatient)), at: utc("2026-03-05 10:00"))
        try desk.run(.acknowledge(owner: "Mike Ross (Eng Lead)"), a.id, at: utc("2026-03-05 13:00"))
        try desk.run(.start, a.id, at: utc("2026-03-05 13:10"))
        try desk.run(.note("Slow query found"), a.id, at: utc("2026-03-10 21:30"))
        try desk.run(.customerUpdate("Fix in testing"), a.id, at: utc("2026-03-10 21:30"))

        let b = try desk.run(.create(draft("Export fails", account: "Globex", severity: .high)), at: utc("2026-03-09 08:00"))
        try desk.run(.acknowledge(owner: "Dana"), b.id, at: utc("2026-03-09 11:12"))
        try desk.run(.create(draft("Login loop", account: "Initech", severity: .medium)), at: utc("2026-03-10 09:00"))

        let d = try desk.run(.create(draft("Outage credits", account: "Umbrella", category: .serviceFailure, severity: .medium)),
                             at: utc("2026-02-10 09:00"))
        try desk.run(.acknowledge(owner: "Sam"), d.id, at: utc("2026-02-16 09:00"))
        for (title, account, category, severity, created) in [
            ("Audit log", "Hooli", Category.featureGap, Severity.high, "2026-02-20 09:00"),
            ("Invoice dispute", "Stark", .commercialDispute, .medium, "2026-02-25 09:00"),
            ("Champion left", "Wayne", .relationshipAtRisk, .high, "2026-03-02 09:00"),
        ] {
            let e = try desk.run(.create(draft(title, account: account, category: category, severity: severity)), at: utc(created))
            try desk.run(.acknowledge(owner: "Lee"), e.id, at: utc(created) + 3600)
            try desk.run(.note("Working on it"), e.id, at: utc("2026-03-09 10:00"))
        }
        for (account, created, resolved) in [("Soylent", "2026-02-28 10:00", "2026-03-04 10:00"),
                                             ("Tyrell", "2026-03-01 10:00", "2026-03-05 19:36")] {
            let e = try desk.run(.create(draft("Slow sync", account: account, severity: .high)), at: utc(created))
            try desk.run(.acknowledge(owner: "Kim"), e.id, at: utc(created) + 3600)
            try desk.run(.resolve(resolution: "Patched"), e.id, at: utc(resolved))
        }
        return desk
    }

    @Test func reproducesSeedExampleExactly() throws {
        let desk = try seedWeek()
        var summary = WeeklySummary(desk.all, at: now, policy: desk.policy)
        #expect(summary.escalations.count == 9)
        #expect(summary.escalations.first?.id == "ESC-2026-0342")
        summary.escalations = summary.escalations.filter { $0.id == "ESC-2026-0342" }
        let lines = summary.json.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines == Self.seedExample.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    @Test func everyFigure() throws {
        let desk = try seedWeek()
        let s = WeeklySummary(desk.all, at: now, policy: desk.policy)
        #expect((s.activeEscalations, s.newThisWeek, s.resolvedThisWeek, s.stalled) == (7, 3, 2, 1))
        #expect(s.averageResolutionTimeDays == 4.2)
        #expect(s.trends == .init(mostCommonCategory: "product_defect", avgTimeToAcknowledge: "3.1 hours", stallRate: "14%"))
        let umbrella = try #require(s.escalations.first { $0.account == "Umbrella" })
        #expect(umbrella.status == "stalled")
        let initech = try #require(s.escalations.first { $0.account == "Initech" })
        #expect(initech.owner == nil)
        #expect(initech.status == "routed")
        let resolved = s.escalations.suffix(2)
        #expect(resolved.map(\.status) == ["resolved", "resolved"])
        #expect(resolved.allSatisfy { $0.nextUpdateDue == nil })
        #expect(resolved.map(\.daysOpen).sorted() == [4, 4])
    }

    @Test func jsonIsValidAndDecodes() throws {
        let desk = try seedWeek()
        let s = WeeklySummary(desk.all, at: now, policy: desk.policy)
        let back = try JSONDecoder().decode(WeeklySummary.self, from: Data(s.json.utf8))
        #expect(back == s)
        #expect(s.json.contains("\"owner\": null"))
    }

    @Test func emptyWeekHasNullsWhereNothingWasMeasured() {
        let s = WeeklySummary([], at: now, policy: .standard)
        #expect(s.json == """
        {
          "report_date": "2026-03-10",
          "active_escalations": 0,
          "new_this_week": 0,
          "resolved_this_week": 0,
          "stalled": 0,
          "average_resolution_time_days": null,
          "escalations": [],
          "trends": {
            "most_common_category": null,
            "avg_time_to_acknowledge": null,
            "stall_rate": "0%"
          }
        }

        """)
    }

    @Test func weekBoundariesFollowThePolicyZone() throws {
        var desk = Desk()
        // 2026-03-03 23:30 UTC is 2026-03-04 00:30 in Berlin: the first minutes of the week.
        try desk.run(.create(draft(severity: .medium)), at: utc("2026-03-03 23:30"))
        // 2026-03-03 22:30 UTC is still 2026-03-03 in Berlin: the week before.
        try desk.run(.create(draft(severity: .medium)), at: utc("2026-03-03 22:30"))
        #expect(WeeklySummary(desk.all, at: now, policy: desk.policy).newThisWeek == 1)
    }

    @Test func textIsEscapedInJSON() throws {
        var desk = Desk()
        try desk.run(.create(draft(account: "Société \"Générale\" \\ 株式会社")), at: utc("2026-03-10 08:00"))
        let s = WeeklySummary(desk.all, at: now, policy: desk.policy)
        #expect(s.json.contains(#""account": "Société \"Générale\" \\ 株式会社""#))
        #expect(try JSONDecoder().decode(WeeklySummary.self, from: Data(s.json.utf8)) == s)
    }
}
