/// Where an escalation stands in its lifecycle (seed 000): the six columns of the board.
public enum Status: String, CaseIterable, Codable, Sendable, Comparable {
    case routed
    case acknowledged
    case inProgress = "in_progress"
    case stalled
    case resolved
    case closed

    public var label: String {
        switch self {
        case .routed: "Routed"
        case .acknowledged: "Acknowledged"
        case .inProgress: "In progress"
        case .stalled: "Stalled"
        case .resolved: "Resolved"
        case .closed: "Closed"
        }
    }

    /// True until the escalation is resolved or closed.
    public var isActive: Bool { self != .resolved && self != .closed }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
