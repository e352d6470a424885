/// Seed 003's `determine-escalation` input: the issue, the customer and the context around it.
public struct EscalationSituation: Hashable, Sendable {
    /// Whether one customer or several have the issue (seed 003's `impact`).
    public enum Reach: String, CaseIterable, Codable, Sendable {
        case singleCustomer = "single_customer"
        case multipleCustomers = "multiple_customers"
    }

    public var severity: Severity
    public var impact: Reach
    /// How long the issue has been open; negative values count as zero.
    public var durationHours: Double
    public var currentTier: Tier
    public var segment: Segment
    /// 0 (about to churn) to 100 (thriving); nil when unknown, which adds nothing.
    public var healthScore: Int?
    /// Contract value in the team's currency, compared as-is like ARR; nil when unknown.
    public var contractValue: Money?
    public var previousEscalations: Int
    public var sentiment: Sentiment

    public init(severity: Severity, impact: Reach, durationHours: Double, currentTier: Tier = .standard,
                segment: Segment, healthScore: Int? = nil, contractValue: Money? = nil,
                previousEscalations: Int = 0, sentiment: Sentiment = .neutral) {
        self.severity = severity
        self.impact = impact
        self.durationHours = durationHours
        self.currentTier = currentTier
        self.segment = segment
        self.healthScore = healthScore
        self.contractValue = contractValue
        self.previousEscalations = previousEscalations
        self.sentiment = sentiment
    }
}
