/// The fields of the escalation form, in Tab order.
public enum FormField: String, CaseIterable, Hashable, Sendable {
    case account, title, category
    case impactScore, valueScore, urgencyScore, capabilityScore
    case severity, reason, tier
    case impact, description, tried, reproduction, communication, ask, deadline
    /// The brief's quantified reach and money, and its supporting links: what the linter asks for.
    case affected, revenue, links

    /// How a field is typed into.
    public enum Kind: Sendable { case line, longText, choice, score }

    public var kind: Kind {
        switch self {
        case .category, .severity, .tier: .choice
        case .impactScore, .valueScore, .urgencyScore, .capabilityScore: .score
        case .impact, .description, .tried, .reproduction: .longText
        default: .line
        }
    }

    /// The label on the left of the field.
    public var label: String {
        switch self {
        case .account: "Account"
        case .title: "Title"
        case .category: "Category"
        case .impactScore: "Impact score"
        case .valueScore: "Value score"
        case .urgencyScore: "Urgency score"
        case .capabilityScore: "Capability"
        case .severity: "Severity"
        case .reason: "Reason"
        case .tier: "Tier"
        case .impact: "Impact"
        case .description: "Description"
        case .tried: "Tried"
        case .reproduction: "Repro steps"
        case .communication: "Customer told"
        case .ask: "The ask"
        case .deadline: "Ask deadline"
        case .affected: "Affected"
        case .revenue: "Revenue"
        case .links: "Links"
        }
    }

    /// True for fields typed as text (line or long text).
    public var isText: Bool { kind == .line || kind == .longText }
}
