/// The customer segment an account belongs to.
public enum Segment: String, CaseIterable, Codable, Sendable, Comparable {
    case enterprise
    case midMarket = "mid_market"
    case smb
    case strategic

    public var label: String {
        switch self {
        case .enterprise: "Enterprise"
        case .midMarket: "Mid-market"
        case .smb: "SMB"
        case .strategic: "Strategic"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
