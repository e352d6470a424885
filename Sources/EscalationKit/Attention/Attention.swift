import Foundation

/// What needs someone's attention on an escalation right now: the flags a card, `list` and `show`
/// carry, computed from the clocks so that nobody has to run a command for them to appear.
public struct Attention: Hashable, Codable, Sendable {
    /// The status a person should see (Stalled when the stall clock ran out).
    public var status: Status
    /// A live clock has passed its deadline.
    public var breached: Bool
    /// A live clock has used at least the first warning threshold of its target.
    public var breachWarning: Bool
    /// The internal or customer update is due (its clock passed its deadline).
    public var updateDue: Bool
    /// Stalled: progress must be logged, and the CSM and manager re-escalate.
    public var stalled: Bool
    /// Linked to a pattern (same issue at several customers).
    public var pattern: Bool
    /// The live clock closest to its deadline, stall aside.
    public var mostUrgent: ClockReading?
    /// When the next update (internal or customer) is due.
    public var nextUpdateDue: Date?

    /// Reads the flags of `e` at `now`.
    public init(_ e: Escalation, at now: Date, policy: Policy) {
        // A closed escalation has no live clock and cannot stall (see `Clocks.plan`): nothing to
        // compute, which matters when `list --all` reads years of archive.
        guard e.status != .closed else {
            self = Attention(closedWithPattern: e.pattern != nil)
            return
        }
        pattern = e.pattern != nil
        let clocks = Clocks(policy: policy)
        let readings = clocks.read(e, at: now)
        let live = readings.filter(\.isLive)
        // The same test as `Clocks.status(of:at:)`, on the stall reading already in hand.
        let stallBreached = readings.contains { $0.kind == .stall && $0.state == .breached }
        status = stallBreached ? .stalled : e.status
        stalled = status == .stalled
        breached = live.contains { $0.kind != .stall && $0.state == .breached }
        let firstThreshold = policy.warningThresholds.min() ?? 1
        breachWarning = live.contains { $0.kind != .stall && $0.used >= firstThreshold && $0.state != .breached }
        let updates = live.filter { $0.kind == .internalUpdate || $0.kind == .customerUpdate }
        updateDue = updates.contains { $0.state == .breached }
        nextUpdateDue = updates.map(\.deadline).min()
        mostUrgent = live.filter { $0.kind != .stall }.min { $0.deadline < $1.deadline }
    }

    /// A closed escalation's flags, the same at any time: closed, and linked to a pattern or not.
    public init(closedWithPattern pattern: Bool) {
        self.pattern = pattern
        status = .closed
        stalled = false
        breached = false
        breachWarning = false
        updateDue = false
        nextUpdateDue = nil
        mostUrgent = nil
    }

    /// Short keys for scripts and the card's flag strip, most pressing first.
    public var keys: [String] {
        var out: [String] = []
        if breached { out.append("breached") }
        if stalled { out.append("stalled") }
        if updateDue { out.append("update_due") }
        if breachWarning { out.append("breach_warning") }
        if pattern { out.append("pattern") }
        return out
    }

    /// How urgent, for sorting: breached and stalled first, then by the nearest deadline.
    public func urgency(at now: Date) -> Double {
        let seconds = mostUrgent?.deadline.timeIntervalSince(now) ?? .greatestFiniteMagnitude / 4
        return (breached ? -1e12 : 0) + (stalled ? -1e11 : 0) + seconds
    }
}
