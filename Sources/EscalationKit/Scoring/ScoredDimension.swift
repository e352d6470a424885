/// One of seed 002's four scoring dimensions, with the wording of its 1, 3 and 5 anchors.
public enum ScoredDimension: String, CaseIterable, Codable, Sendable {
    case impact
    case value
    case urgency
    case capability

    /// The dimension's name in seed 002's assessment table, e.g. "Customer impact".
    public var label: String {
        switch self {
        case .impact: "Customer impact"
        case .value: "Account value"
        case .urgency: "Time sensitivity"
        case .capability: "CSM capability"
        }
    }

    /// The score this dimension has in `dimensions`.
    public func score(in dimensions: Dimensions) -> Int {
        switch self {
        case .impact: dimensions.impact
        case .value: dimensions.value
        case .urgency: dimensions.urgency
        case .capability: dimensions.capability
        }
    }

    /// Seed 002's description of a score: the 1, 3 and 5 anchors verbatim; 2 and 4 are read as
    /// lying between their neighbours, since the seed describes only the odd scores.
    public func rationale(for score: Int) -> String {
        let (low, medium, high) = anchors
        switch score {
        case ...1: return low
        case 2: return "Between low and medium: more than \"\(firstSentence(of: low))\", less than \"\(firstSentence(of: medium))\""
        case 3: return medium
        case 4: return "Between medium and high: more than \"\(firstSentence(of: medium))\", less than \"\(firstSentence(of: high))\""
        default: return high
        }
    }

    private var anchors: (String, String, String) {
        switch self {
        case .impact:
            ("Inconvenience. Workaround exists. No business disruption",
             "Moderate disruption. Workaround is painful. Some business impact",
             "Severe disruption. No workaround. Direct business or revenue impact")
        case .value:
            ("<EUR 10k ARR, non-strategic",
             "EUR 10-50k ARR or moderate strategic value",
             ">EUR 50k ARR or high strategic value (logo, reference, board-level)")
        case .urgency:
            ("Can be addressed within normal cadence (1-2 weeks)",
             "Needs resolution within days",
             "Needs resolution today. Delay creates compounding damage")
        case .capability:
            ("You can resolve this with existing resources and authority",
             "You need input or resources you do not have, but the issue is defined",
             "The issue is beyond your expertise, authority, or access. You cannot resolve it alone")
        }
    }

    /// Only the first sentence, so an interpolated line stays readable.
    private func firstSentence(of text: String) -> String {
        let first = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
        return first
    }
}
