import Foundation
import EscalationKit

/// The board's aggregates at a moment: the columns, the header's totals and what breaches or
/// stalls first. Worked out from the cached `EscalationFacts`, so a key press costs nothing here.
public struct BoardFacts: Sendable {
    public var columns: BoardColumns
    /// Every escalation on the board with its facts.
    public var facts: [EscalationID: EscalationFacts]
    /// Open escalations (routed to stalled).
    public var openCount: Int
    /// Open escalations with a breached clock.
    public var breachedCount: Int
    /// The ARR of the open escalations' accounts, each counted once, per currency ("EUR 1.2M + USD 300k").
    public var arrAtRisk: [Money]
    /// Open escalations, the one whose earliest live clock (stall included) runs out first, first.
    public var firstToBreak: [Escalation]

    init(ledger: Ledger, facts: [EscalationID: EscalationFacts]) {
        self.facts = facts
        // Sorting moves its elements, and an escalation is a large value: sort small keys, then
        // copy each escalation once into its place (three times faster at 7,000 open).
        var groups: [Status: [BoardColumns.Key]] = [:]
        var open: [(deadline: Date, severity: Severity, id: EscalationID)] = []
        var breached = 0
        var byAccount: [String: Money] = [:]
        for (id, f) in facts where f.onBoard {
            guard let e = ledger[id] else { continue }
            groups[f.status, default: []].append(BoardColumns.Key(e))
            if f.status.isActive {
                open.append((f.firstDeadline, e.severity, id))
                byAccount[e.account.name] = e.account.arr
                if f.breached { breached += 1 }
            }
        }
        columns = BoardColumns(keys: groups, ledger: ledger)
        openCount = open.count
        breachedCount = breached
        var totals: [String: Int] = [:]
        for money in byAccount.values { totals[money.currency, default: 0] += money.amount }
        arrAtRisk = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { Money($0.value, $0.key) }
        open.sort { a, b in
            if a.deadline != b.deadline { return a.deadline < b.deadline }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.id < b.id
        }
        firstToBreak = open.compactMap { ledger[$0.id] }
    }

    /// The ARR at risk as the header writes it.
    public var arrAtRiskText: String {
        arrAtRisk.isEmpty ? Money(0).short : arrAtRisk.map(\.short).joined(separator: " + ")
    }
}
