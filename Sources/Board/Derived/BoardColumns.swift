import Foundation
import EscalationKit

/// The escalations grouped into the board's six columns at a moment: Stalled is derived from the
/// stall clock, Closed keeps only the recently closed. Within a column the most severe come first,
/// then the oldest (a cheap, stable order that needs no clock reading per card).
public struct BoardColumns: Sendable {
    public internal(set) var byStatus: [Status: [Escalation]]

    public init(ledger: Ledger, policy: Policy, now: Date) {
        let clocks = Clocks(policy: policy)
        let closedCutoff = now.addingTimeInterval(-Double(policy.recentlyClosedDays) * 86_400)
        var keys: [Status: [Key]] = [:]
        for e in ledger.escalations.values {
            if e.status == .closed, (e.closedAt ?? e.createdAt) < closedCutoff { continue }
            keys[clocks.status(of: e, at: now), default: []].append(Key(e))
        }
        self.init(keys: keys, ledger: ledger)
    }

    /// What a column is ordered by: the most severe first, then the oldest, then the id.
    struct Key: Comparable {
        var severity: Severity
        var createdAt: Date
        var id: EscalationID

        init(_ e: Escalation) {
            severity = e.severity
            createdAt = e.createdAt
            id = e.id
        }

        static func < (a: Key, b: Key) -> Bool {
            if a.severity != b.severity { return a.severity < b.severity }
            if a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
            return a.id < b.id
        }
    }

    /// Columns from the keys of the escalations each shows; sorted here, then read from `ledger`.
    init(keys: [Status: [Key]], ledger: Ledger) {
        var groups: [Status: [Escalation]] = [:]
        for (status, column) in keys {
            groups[status] = column.sorted().compactMap { ledger[$0.id] }
        }
        byStatus = groups
    }

    public subscript(status: Status) -> [Escalation] { byStatus[status] ?? [] }

    /// Where an escalation is shown, or nil when it is not on the board.
    public func place(of id: EscalationID) -> (status: Status, row: Int)? {
        for status in Status.allCases {
            if let row = self[status].firstIndex(where: { $0.id == id }) { return (status, row) }
        }
        return nil
    }

    /// Open escalations (not resolved or closed).
    public var openCount: Int { Status.allCases.filter(\.isActive).reduce(0) { $0 + self[$1].count } }
}
