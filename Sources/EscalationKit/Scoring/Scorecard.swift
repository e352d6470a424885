/// The outcome of seed 002's decision framework for one set of scores: what to do, at what
/// severity, to whom, and why — the body of the assessment.
public struct Scorecard: Hashable, Sendable {
    public var dimensions: Dimensions
    /// 4 to 20.
    public var total: Int
    public var decision: Decision
    /// Critical for 18–20, high for 14–17, medium below (see `Decision.suggestedSeverity`).
    public var suggestedSeverity: Severity
    /// Where to route, e.g. "CS leadership and Engineering"; says so when no escalation is needed.
    public var routeTo: String
    /// One line per dimension in seed 002's order: label, score and what that score means.
    public var rationale: [Line]

    /// A row of the assessment's scoring table.
    public struct Line: Hashable, Sendable {
        public var dimension: ScoredDimension
        public var score: Int
        public var reason: String

        public init(dimension: ScoredDimension, score: Int, reason: String) {
            self.dimension = dimension
            self.score = score
            self.reason = reason
        }
    }

    public init(dimensions: Dimensions, total: Int, decision: Decision, suggestedSeverity: Severity,
                routeTo: String, rationale: [Line]) {
        self.dimensions = dimensions
        self.total = total
        self.decision = decision
        self.suggestedSeverity = suggestedSeverity
        self.routeTo = routeTo
        self.rationale = rationale
    }
}
