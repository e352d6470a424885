/// Seed 002's escalation decision: four dimensions scored 1–5, summed, and read against the bands
/// of `Policy.scoring` (default 4–8 handle, 9–13 support, 14–17 urgency, 18–20 immediately).
public enum DecisionFramework {
    /// The decision for a total: a total at a band's upper edge belongs to that band (8 handles, 9 escalates).
    public static func decision(forTotal total: Int, bands: ScoringBands) -> Decision {
        switch total {
        case ...bands.handleUpTo: .handleYourself
        case ...bands.supportUpTo: .escalateForSupport
        case ...bands.urgencyUpTo: .escalateWithUrgency
        default: .escalateImmediately
        }
    }

    /// Scores `dimensions` against `bands`; `team` is the display name of the category's team, if known,
    /// so the route-to line can name it.
    public static func assess(_ dimensions: Dimensions, bands: ScoringBands, team: String? = nil) -> Scorecard {
        let total = dimensions.total
        let decision = decision(forTotal: total, bands: bands)
        let lines = ScoredDimension.allCases.map { dimension in
            let score = dimension.score(in: dimensions)
            return Scorecard.Line(dimension: dimension, score: score, reason: dimension.rationale(for: score))
        }
        return Scorecard(dimensions: dimensions, total: total, decision: decision,
                         suggestedSeverity: decision.suggestedSeverity,
                         routeTo: routeTo(decision, team: team), rationale: lines)
    }

    /// Scores `dimensions` with the policy's bands, naming the team the category routes to.
    public static func assess(_ dimensions: Dimensions, policy: Policy, category: Category) -> Scorecard {
        let key = policy.rule(for: category).team
        return assess(dimensions, bands: policy.scoring, team: policy.teams[key]?.name ?? key)
    }

    /// Seed 002's routing for each band: one team with a clear ask, leadership added as the score rises.
    static func routeTo(_ decision: Decision, team: String?) -> String {
        let functional = team ?? "the relevant functional team"
        switch decision {
        case .handleYourself:
            return "No one: handle it with your own resources"
        case .escalateForSupport:
            return "\(team ?? "The appropriate team"), with a clear ask"
        case .escalateWithUrgency:
            return functional == "CS leadership" ? "CS leadership" : "CS leadership and \(functional)"
        case .escalateImmediately:
            let both = functional == "CS leadership" ? "CS leadership" : "CS leadership and \(functional)"
            return "\(both), same day; potentially the CRO"
        }
    }
}
