import Foundation
import EscalationKit

/// Remembers the board's derived facts between frames, so a key press or a tick reads them instead
/// of reading every escalation's clocks again. One escalation's facts are recomputed only when it
/// changed (its revision) or one of its clocks reached a deadline; the aggregates only when some
/// escalation's facts did or the ledger changed.
///
/// A reference shared by copies of a `BoardState`; every answer is checked against the asking
/// state's ledger stamp and moment, so a copy never reads another's facts.
final class DerivedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var facts: [EscalationID: EscalationFacts] = [:]
    private var current: (stamp: UInt64, from: Date, until: Date, value: BoardFacts)?

    /// The aggregates for a ledger (identified by `stamp`) at `now`.
    func facts(ledger: Ledger, stamp: UInt64, policy: Policy, now: Date) -> BoardFacts {
        lock.lock()
        defer { lock.unlock() }
        if let current, current.stamp == stamp, now >= current.from, now < current.until { return current.value }
        let clocks = Clocks(policy: policy)
        var fresh: [EscalationID: EscalationFacts] = [:]
        fresh.reserveCapacity(ledger.escalations.count)
        var until = Date.distantFuture
        for (id, e) in ledger.escalations {
            var f = facts[id]
            if f == nil || !f!.holds(for: e, at: now) { f = EscalationFacts(e, clocks: clocks, now: now) }
            fresh[id] = f!
            until = min(until, f!.validUntil)
        }
        facts = fresh
        let value = BoardFacts(ledger: ledger, facts: fresh)
        current = (stamp, now, until, value)
        return value
    }
}
