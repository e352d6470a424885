import Foundation
import EscalationKit

/// The one-word filters a CS lead reaches for: written `is:NAME` in a query.
public enum QuickFilter: String, CaseIterable, Hashable, Sendable {
    /// Owned or reported by the board's user: their login, also when the owner was written as
    /// their roster name before owners were logins.
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
    func matches(_ e: Escalation, facts: CardFacts, status: Status, actor: String, roster: Roster) -> Bool {
        switch self {
        case .mine: Self.isMine(e.owner, actor: actor, roster: roster) || Self.isMine(e.reporter, actor: actor, roster: roster)
        case .critical: e.severity == .critical
        case .breaching: facts.clockRole == .breached || facts.flags.contains(.breachWarning)
        case .stalled: status == .stalled
        case .due: facts.flags.contains(.updateDue)
        }
    }

    static func isMine(_ person: String?, actor: String, roster: Roster) -> Bool {
        guard let person else { return false }
        return person == actor || roster.person(forOwner: person).map { SearchText.fold($0.login) == SearchText.fold(actor) } == true
    }
}
