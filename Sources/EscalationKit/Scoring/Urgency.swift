/// How fast an escalation needs attention (seed 003's urgency): low, medium, high or critical.
public enum Urgency: String, CaseIterable, Codable, Sendable, Comparable {
    case low
    case medium
    case high
    case critical

    public var label: String { rawValue.capitalized }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
