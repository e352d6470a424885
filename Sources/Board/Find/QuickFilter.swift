import Foundation
import EscalationKit

/// The one-word filters a CS lead reaches for: written `is:NAME` in a query.
public enum QuickFilter: String, CaseIterable, Hashable, Sendable {
    /// Owned or reported by the board's user.
    case mine
    case critical
    /// A response or resolution clock breached or past its warning threshold.
    case breaching
    case stalled
    /// An internal or customer update is overdue.
    case due

    /// Reads a name as a user might write it (`update-due` for `due`).
    public init?(name: String) {
        let n = name.lowercased().filter { $0.isLetter }
        if n == "updatedue" || n == "update" { self = .due; return }
        guard let filter = Self(rawValue: n) else { return nil }
        self = filter
    }

    /// True when `e` passes this filter for `actor` at `now`.
    func matches(_ e: Escalation, facts: CardFacts, status: Status, actor: String) -> Bool {
        switch self {
        case .mine: e.owner == actor || e.reporter == actor
        case .critical: e.severity == .critical
        case .breaching: facts.clockRole == .breached || facts.flags.contains(.breachWarning)
        case .stalled: status == .stalled
        case .due: facts.flags.contains(.updateDue)
        }
    }
}
