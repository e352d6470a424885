import Testing
@testable import EscalationKit

@Suite struct ScoringDecisionTests {
    /// Four scores summing to `total`, spread as evenly as 1...5 allows.
    func dimensions(total: Int) -> Dimensions {
        var left = total - 4
        var scores = [1, 1, 1, 1]
        for i in scores.indices {
            let add = min(4, left)
            scores[i] += add
            left -= add
        }
        return Dimensions(impact: scores[0], value: scores[1], urgency: scores[2], capability: scores[3])!
    }

    @Test(arguments: [
        (4, Decision.handleYourself), (8, .handleYourself),
        (9, .escalateForSupport), (13, .escalateForSupport),
        (14, .escalateWithUrgency), (17, .escalateWithUrgency),
        (18, .escalateImmediately), (20, .escalateImmediately),
    ])
    func bandEdges(total: Int, expected: Decision) {
        let card = DecisionFramework.assess(dimensions(total: total), bands: ScoringBands())
        #expect(card.total == total)
        #expect(card.decision == expected)
    }

    @Test func suggestedSeverityFollowsTheBand() {
        let bands = ScoringBands()
        #expect(DecisionFramework.assess(dimensions(total: 18), bands: bands).suggestedSeverity == .critical)
        #expect(DecisionFramework.assess(dimensions(total: 17), bands: bands).suggestedSeverity == .high)
        #expect(DecisionFramework.assess(dimensions(total: 14), bands: bands).suggestedSeverity == .high)
        #expect(DecisionFramework.assess(dimensions(total: 13), bands: bands).suggestedSeverity == .medium)
        #expect(DecisionFramework.assess(dimensions(total: 4), bands: bands).suggestedSeverity == .medium)
    }

    @Test func bandsComeFromThePolicy() {
        let strict = ScoringBands(handleUpTo: 6, supportUpTo: 10, urgencyUpTo: 14)
        #expect(DecisionFramework.decision(forTotal: 7, bands: strict) == .escalateForSupport)
        #expect(DecisionFramework.decision(forTotal: 15, bands: strict) == .escalateImmediately)
    }

    @Test func labelsAndGuidanceAreSeed002s() {
        #expect(Decision.handleYourself.label == "Handle it yourself")
        #expect(Decision.escalateForSupport.rawValue == "escalate_for_support")
        #expect(Decision.escalateForSupport.guidance.hasPrefix("You need resources, not rescue."))
        #expect(Decision.escalateImmediately.guidance.contains("potentially CRO"))
    }

    @Test func rationaleHasOneLinePerDimensionWithAnchorsAndInterpolation() {
        let d = Dimensions(impact: 5, value: 3, urgency: 1, capability: 4)!
        let card = DecisionFramework.assess(d, bands: ScoringBands())
        #expect(card.rationale.map(\.dimension) == [.impact, .value, .urgency, .capability])
        #expect(card.rationale.map(\.score) == [5, 3, 1, 4])
        #expect(card.rationale[0].reason == "Severe disruption. No workaround. Direct business or revenue impact")
        #expect(card.rationale[1].reason == "EUR 10-50k ARR or moderate strategic value")
        #expect(card.rationale[2].reason == "Can be addressed within normal cadence (1-2 weeks)")
        #expect(card.rationale[3].reason.hasPrefix("Between medium and high"))
        #expect(card.rationale[3].reason.contains("beyond your expertise"))
        #expect(ScoredDimension.impact.rationale(for: 2).contains("Inconvenience"))
    }

    @Test func routeToNamesTheCategoryTeam() {
        let policy = Policy.standard
        let support = DecisionFramework.assess(dimensions(total: 10), policy: policy, category: .productDefect)
        #expect(support.routeTo == "Engineering, with a clear ask")
        let urgent = DecisionFramework.assess(dimensions(total: 15), policy: policy, category: .featureGap)
        #expect(urgent.routeTo == "CS leadership and Product management")
        let now = DecisionFramework.assess(dimensions(total: 19), policy: policy, category: .relationshipAtRisk)
        #expect(now.routeTo == "CS leadership, same day; potentially the CRO")
        let handle = DecisionFramework.assess(dimensions(total: 5), bands: policy.scoring)
        #expect(handle.routeTo.hasPrefix("No one"))
    }
}

@Suite struct ScoringAccountValueTests {
    let bands = ScoringBands()

    @Test(arguments: [(9_999, 1), (10_000, 3), (50_000, 3), (50_001, 5), (0, 1), (2_000_000, 5)])
    func arrBands(amount: Int, expected: Int) {
        #expect(AccountValue.suggest(arr: Money(amount), strategic: false, bands: bands).score == expected)
    }

    @Test func strategicScoresFive() {
        let s = AccountValue.suggest(arr: Money(5_000), strategic: true, bands: bands)
        #expect(s.score == 5)
        #expect(s.reason.hasPrefix("Strategic account"))
        let account = Account(name: "Acme", arr: Money(20_000), segment: .strategic)
        #expect(AccountValue.suggest(for: account, bands: bands).score == 5)
        #expect(AccountValue.suggest(for: Account(name: "B", arr: Money(20_000)), bands: bands).score == 3)
    }

    @Test func otherCurrencyIsComparedAsIsAndSaysSo() {
        let s = AccountValue.suggest(arr: Money(60_000, "USD"), strategic: false, bands: bands)
        #expect(s.score == 5)
        #expect(s.reason.contains("USD compared as-is"))
        #expect(!AccountValue.suggest(arr: Money(60_000), strategic: false, bands: bands).reason.contains("as-is"))
    }

    @Test func thresholdsComeFromThePolicy() {
        let custom = ScoringBands(highValueARR: 200_000, lowValueARR: 50_000)
        #expect(AccountValue.suggest(arr: Money(60_000), strategic: false, bands: custom).score == 3)
        #expect(AccountValue.suggest(arr: Money(40_000), strategic: false, bands: custom).score == 1)
    }
}
