/// What kind of problem an escalation is; the category decides where it is routed (domain.md §1).
public enum Category: String, CaseIterable, Codable, Sendable, Comparable {
    case productDefect = "product_defect"
    case featureGap = "feature_gap"
    case serviceFailure = "service_failure"
    case commercialDispute = "commercial_dispute"
    case relationshipAtRisk = "relationship_at_risk"
    case executiveIntervention = "executive_intervention"
    case crossFunctional = "cross_functional"
    case security = "security"

    /// The key used in configuration, JSON and the command line.
    public var key: String { rawValue }

    /// A short human label, e.g. "Product defect".
    public var label: String {
        switch self {
        case .productDefect: "Product defect"
        case .featureGap: "Feature gap"
        case .serviceFailure: "Service failure"
        case .commercialDispute: "Commercial dispute"
        case .relationshipAtRisk: "Relationship at risk"
        case .executiveIntervention: "Executive intervention"
        case .crossFunctional: "Cross-functional"
        case .security: "Security"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
