/// How much a lint finding matters.
public enum LintSeverity: String, CaseIterable, Codable, Sendable, Comparable {
    /// The receiving team cannot act on the brief as it is.
    case error
    /// The escalation is likely to be deprioritized or to go wrong.
    case warning
    /// A suggestion.
    case info

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One problem the linter found in a brief: a stable id (for filters and tests), its severity, what is wrong and a short fix.
public struct LintFinding: Hashable, Codable, Sendable {
    public var id: String
    public var severity: LintSeverity
    public var message: String
    public var fix: String

    public init(id: String, severity: LintSeverity, message: String, fix: String) {
        self.id = id
        self.severity = severity
        self.message = message
        self.fix = fix
    }
}

/// The linter's rules and their stable ids (seed 002's common mistakes, seed 001's best practices).
public enum LintRule: String, CaseIterable, Codable, Sendable {
    /// No specific ask (seed 002: "escalating as a complaint, not an ask").
    case noAsk = "no-ask"
    /// An ask that names no action: investigate, fix, decide or approve.
    case complaintNotAsk = "complaint-not-ask"
    /// No deadline (seed 001: "urgency without a deadline is ambiguous").
    case noDeadline = "no-deadline"
    /// The deadline has passed and the escalation is still open.
    case deadlinePassed = "deadline-passed"
    /// No number anywhere in impact, breadth or revenue (seed 001: "always quantify impact").
    case impactNotQuantified = "impact-not-quantified"
    /// A product defect without reproduction steps (seed 001: "the #1 thing engineering needs").
    case noReproduction = "no-reproduction"
    /// No description of the problem (seed 002: "escalating without context").
    case noContext = "no-context"
    /// The customer has not been told (seed 002: "escalating instead of communicating").
    case customerNotTold = "customer-not-told"
    /// The ask or target names several teams (seed 002: "escalating too broadly").
    case tooBroad = "too-broad"
    /// Seen at 3+ customers without a pattern link (seed 001's pattern criterion).
    case noPatternLink = "no-pattern-link"
    /// The issue went on for long before it was escalated (seed 002: "escalating too late").
    case escalatedLate = "escalated-late"
    /// No related tickets, threads or logs.
    case noLinks = "no-links"
}
