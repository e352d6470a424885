import Foundation

/// Seed 003's `determine-escalation`, made explicit: each factor adds points, the points choose a tier
/// and an urgency, and a few facts set a floor.
///
/// | factor | points |
/// |---|---|
/// | severity | critical +4, high +2, medium 0 |
/// | impact | multiple customers +2 |
/// | duration | 24 h or more +2, 4 h or more +1 |
/// | segment | strategic +2, enterprise +1 |
/// | health score | below 40 +2, below 60 +1 |
/// | contract value | 10× `scoring.highValueARR` or more +2, above `scoring.highValueARR` +1 |
/// | previous escalations | 3 or more +2, 1–2 +1 |
/// | sentiment | angry or threatening churn +2, frustrated +1 |
///
/// Points 0–3 → Tier 1, low urgency; 4–7 → Tier 2, medium; 8–11 → Tier 3, high; 12 or more → Tier 4,
/// critical. Floors: several customers affected or critical severity → at least Tier 3 (seed 003's
/// "critical / multi-customer"); critical severity → at least high urgency. The recommendation never
/// lowers the current tier: lowering is a de-escalation, a separate decision.
public enum EscalationPath {
    /// Points at or above which each tier (and urgency) starts: Tier 2 at 4, Tier 3 at 8, Tier 4 at 12.
    public static let tierStarts = [4, 8, 12]

    /// Recommends a tier, urgency, target and rationale for `situation` under `policy`.
    public static func determine(_ situation: EscalationSituation, policy: Policy) -> TierRecommendation {
        let factors = points(for: situation, bands: policy.scoring)
        let total = factors.reduce(0) { $0 + $1.points }
        let level = tierStarts.filter { total >= $0 }.count  // 0...3
        var tier = Tier(rawValue: level + 1)!
        var urgency = Urgency.allCases[level]
        var lines = factors.map { "\($0.reason): +\($0.points)" }
        if lines.isEmpty { lines.append("No factor raises the escalation") }
        lines.append("\(total) point\(total == 1 ? "" : "s"): \(tier), \(urgency.rawValue) urgency")

        if situation.impact == .multipleCustomers, tier < .criticalMultiCustomer {
            tier = .criticalMultiCustomer
            lines.append("Several customers affected: at least Tier 3")
        }
        if situation.severity == .critical {
            if tier < .criticalMultiCustomer {
                tier = .criticalMultiCustomer
                lines.append("Critical severity: at least Tier 3")
            }
            if urgency < .high {
                urgency = .high
                lines.append("Critical severity: at least high urgency")
            }
        }
        if situation.currentTier > tier {
            lines.append("Already at \(situation.currentTier): stay there (lowering is a de-escalation)")
            tier = situation.currentTier
        }
        let raises = tier > situation.currentTier
        lines.append(raises ? "Raise from \(situation.currentTier) to \(tier): a re-escalation"
                            : "Stay at \(tier)")
        let rule = policy.tiers[tier] ?? Policy.standard.tiers[tier]!
        return TierRecommendation(tier: tier, urgency: urgency, target: rule.stakeholders, response: rule.response,
                                  points: total, raisesTier: raises, rationale: lines)
    }

    /// A factor that counted, with its points and the reason in words.
    struct Factor {
        var points: Int
        var reason: String
    }

    /// Every factor that adds at least one point, in the table's order.
    static func points(for s: EscalationSituation, bands: ScoringBands) -> [Factor] {
        var factors: [Factor] = []
        func add(_ points: Int, _ reason: String) {
            if points > 0 { factors.append(Factor(points: points, reason: reason)) }
        }
        add(s.severity == .critical ? 4 : s.severity == .high ? 2 : 0, "Severity \(s.severity.rawValue)")
        add(s.impact == .multipleCustomers ? 2 : 0, "Affects multiple customers")
        let hours = max(0, s.durationHours)
        add(hours >= 24 ? 2 : hours >= 4 ? 1 : 0,
            "Open \(formatted(hours)) hours (\(hours >= 24 ? "a day" : "4 hours") or more)")
        add(s.segment == .strategic ? 2 : s.segment == .enterprise ? 1 : 0, "\(s.segment.label) segment")
        if let health = s.healthScore {
            add(health < 40 ? 2 : health < 60 ? 1 : 0, "Health score \(health) (below \(health < 40 ? 40 : 60))")
        }
        if let value = s.contractValue {
            let major = bands.highValueARR.multipliedReportingOverflow(by: 10).partialValue
            let high = Money(bands.highValueARR, value.currency)
            add(value.amount >= major ? 2 : value.amount > bands.highValueARR ? 1 : 0,
                value.amount >= major ? "Contract value \(value.short) (10× \(high.short) or more)"
                                      : "Contract value \(value.short) (above \(high.short))")
        }
        let previous = max(0, s.previousEscalations)
        add(previous >= 3 ? 2 : previous >= 1 ? 1 : 0,
            "\(previous) previous escalation\(previous == 1 ? "" : "s")")
        add(s.sentiment.heat >= 3 ? 2 : s.sentiment.heat == 2 ? 1 : 0, "Customer sentiment \(s.sentiment.rawValue)")
        return factors
    }

    private static func formatted(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
    }
}
