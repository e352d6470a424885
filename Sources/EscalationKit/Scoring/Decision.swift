/// Seed 002's four answers to "should I escalate?", from the lowest score band to the highest.
public enum Decision: String, CaseIterable, Codable, Sendable, Comparable {
    case handleYourself = "handle_yourself"
    case escalateForSupport = "escalate_for_support"
    case escalateWithUrgency = "escalate_with_urgency"
    case escalateImmediately = "escalate_immediately"

    /// The decision as seed 002 names it, e.g. "Escalate for support".
    public var label: String {
        switch self {
        case .handleYourself: "Handle it yourself"
        case .escalateForSupport: "Escalate for support"
        case .escalateWithUrgency: "Escalate with urgency"
        case .escalateImmediately: "Escalate immediately"
        }
    }

    /// Seed 002's one-line guidance for the band.
    public var guidance: String {
        switch self {
        case .handleYourself: "Standard CSM resolution. No escalation needed."
        case .escalateForSupport: "You need resources, not rescue. Route to the appropriate team with a clear ask."
        case .escalateWithUrgency: "This requires attention beyond your level. Route to CS leadership and the relevant functional team."
        case .escalateImmediately: "Executive-level attention. Same-day routing to CS leadership and potentially CRO."
        }
    }

    /// True for every decision but handling it yourself.
    public var escalates: Bool { self != .handleYourself }

    /// The severity the score suggests (domain.md §2): critical for 18–20, high for 14–17, medium otherwise.
    ///
    /// "Handle it yourself" also suggests medium: there is no lower severity, and a CSM who escalates
    /// against the advice starts at the least urgent level rather than at none.
    public var suggestedSeverity: Severity {
        switch self {
        case .escalateImmediately: .critical
        case .escalateWithUrgency: .high
        case .handleYourself, .escalateForSupport: .medium
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
