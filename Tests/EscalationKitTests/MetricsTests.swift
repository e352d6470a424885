import Foundation
import Testing
@testable import EscalationKit

/// Seed 003's metrics on a small hand-built set whose answers are worked out by hand below.
@Suite struct MetricsTests {
    let now = utc("2026-03-20 12:00")
    let march = CalendarDay("2026-03-01")!...CalendarDay("2026-03-31")!

    /// P: defect, critical, Acme 100k: acknowledged after 1 h (met), resolved after 22 h (met, target 24 h).
    /// Q: defect, high, Globex 40k: acknowledged after 6 h (breached, 4 h), open past its 48 h resolve target, never stalled.
    /// R: feature gap, medium, Acme 100k: still routed, past its acknowledge target, resolve target not yet reached.
    /// T: defect, high, tier 2, Hooli 30k: acknowledged after 1 h (met), then silent: stalled now, resolve breached.
    /// S: created in February: outside the range.
    func build() throws -> Desk {
        var desk = Desk()
        let p = try desk.run(.create(draft(account: "Acme Corp", arr: 100_000, severity: .critical)), at: utc("2026-03-02 09:00"))
        try desk.run(.acknowledge(owner: "Mike"), p.id, at: utc("2026-03-02 10:00"))
        try desk.run(.resolve(resolution: "Index added"), p.id, at: utc("2026-03-03 07:00"))

        let q = try desk.run(.create(draft(account: "Globex", arr: 40_000, severity: .high)), at: utc("2026-03-04 09:00"))
        try desk.run(.acknowledge(owner: "Dana"), q.id, at: utc("2026-03-04 15:00"))
        try desk.run(.start, q.id, at: utc("2026-03-04 15:00"))
        for day in ["07", "10", "13", "16", "19"] { try desk.run(.note("progress"), q.id, at: utc("2026-03-\(day) 10:00")) }

        try desk.run(.create(draft("Audit log", account: "Acme Corp", arr: 100_000, category: .featureGap, severity: .medium)),
                     at: utc("2026-03-10 09:00"))

        let t = try desk.run(.create(draft(account: "Hooli", arr: 30_000, severity: .high, tier: .complexTechnical)), at: utc("2026-03-05 09:00"))
        try desk.run(.acknowledge(owner: "Lee"), t.id, at: utc("2026-03-05 10:00"))

        try desk.run(.create(draft(account: "Initech", arr: 20_000, severity: .medium)), at: utc("2026-02-20 09:00"))
        return desk
    }

    @Test func byCategory() throws {
        let desk = try build()
        let report = MetricsReport(desk.all, from: march, by: .category, at: now, policy: desk.policy)
        #expect(report.groups.map(\.key) == ["product_defect", "feature_gap"])
        let defects = report.groups[0]
        #expect(defects.count == 3)
        #expect(defects.escalationRate == 75)
        #expect(defects.meanTimeToResolutionHours == 22)
        #expect(abs(try #require(defects.meanTimeToAcknowledgeHours) - 8.0 / 3) < 1e-9)
        #expect(abs(try #require(defects.acknowledgeSLAPercent) - 200.0 / 3) < 1e-9)
        #expect(abs(try #require(defects.resolveSLAPercent) - 100.0 / 3) < 1e-9)
        #expect(abs(defects.stallRate - 100.0 / 3) < 1e-9)
        #expect(defects.arrAtRisk == 70_000)

        let gaps = report.groups[1]
        #expect(gaps.count == 1)
        #expect(gaps.meanTimeToResolutionHours == nil)
        #expect(gaps.meanTimeToAcknowledgeHours == nil)
        #expect(gaps.acknowledgeSLAPercent == 0)
        #expect(gaps.resolveSLAPercent == nil)
        #expect(gaps.arrAtRisk == 100_000)

        let all = report.total
        #expect(all.count == 4)
        #expect(all.acknowledgeSLAPercent == 50)
        #expect(all.stallRate == 25)
        #expect(all.arrAtRisk == 170_000)
    }

    @Test func byTierSegmentAndSeverity() throws {
        let desk = try build()
        let tiers = MetricsReport(desk.all, from: march, by: .tier, at: now, policy: desk.policy)
        #expect(tiers.groups.map(\.label) == ["Tier 1", "Tier 2"])
        #expect(tiers.groups.map(\.count) == [3, 1])
        #expect(tiers.groups[1].stallRate == 100)
        let severities = MetricsReport(desk.all, from: march, by: .severity, at: now, policy: desk.policy)
        #expect(severities.groups.map(\.key) == ["critical", "high", "medium"])
        #expect(severities.groups.map(\.count) == [1, 2, 1])
        #expect(MetricsReport(desk.all, from: march, by: .segment, at: now, policy: desk.policy).groups.map(\.count) == [4])
    }

    @Test func emptyRange() {
        let report = MetricsReport([], from: march, by: .tier, at: now, policy: .standard)
        #expect(report.groups.isEmpty)
        #expect(report.total.count == 0)
        #expect(report.total.meanTimeToResolutionHours == nil)
    }

    @Test func jsonKeys() throws {
        let desk = try build()
        let data = try JSONEncoder().encode(MetricsReport(desk.all, from: march, by: .category, at: now, policy: desk.policy))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["grouped_by"] as? String == "category")
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["arr_at_risk"] as? Int == 170_000)
        #expect(total["acknowledge_sla_percent"] as? Double == 50)
    }
}
