/// How bad it is (seed 001's shorthand): critical, high or medium.
public enum Severity: String, CaseIterable, Codable, Sendable, Comparable {
    case critical
    case high
    case medium

    /// One letter that carries the severity where colour cannot: C, H or M.
    public var letter: Character {
        switch self {
        case .critical: "C"
        case .high: "H"
        case .medium: "M"
        }
    }

    public var label: String { rawValue.capitalized }

    /// Critical sorts first: `a < b` means a is more severe.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
