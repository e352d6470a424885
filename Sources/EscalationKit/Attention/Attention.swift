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
        // What `Clocks.read` gives, narrowed to what the flags need: the rule's words and the share
        // used are computed only where they show (the reading kept, a warning not yet found).
        let clocks = Clocks(policy: policy)
        let firstThreshold = policy.warningThresholds.min() ?? 1
        let terms = Clocks.Terms(clocks, e)
        var stallBreached = false, breached = false, warning = false, updateDue = false
        var nextUpdate: Date?
        var urgent: (kind: ClockKind, plan: Clocks.Plan)?
        for kind in ClockKind.allCases {
            guard let plan = clocks.plan(kind, of: e, describing: false, terms: terms) else { continue }
            let state = clocks.state(plan, at: now)
            if kind == .stall {
                stallBreached = state == .breached
                continue
            }
            guard plan.stoppedAt == nil, plan.pausedSince == nil else { continue }
            if state == .breached {
                breached = true
            } else if !warning, clocks.used(plan, at: now) >= firstThreshold {
                warning = true
            }
            if kind == .internalUpdate || kind == .customerUpdate {
                if state == .breached { updateDue = true }
                nextUpdate = min(nextUpdate ?? plan.deadline, plan.deadline)
            }
            // The first of equal deadlines, as `min(by:)` over the clocks in order keeps it.
            if urgent == nil || plan.deadline < urgent!.plan.deadline { urgent = (kind, plan) }
        }
        status = stallBreached ? .stalled : e.status
        stalled = status == .stalled
        self.breached = breached
        breachWarning = warning
        self.updateDue = updateDue
        nextUpdateDue = nextUpdate
        mostUrgent = urgent.map { kind, plan in
            var described = plan
            described.rule = clocks.rule(kind, of: e, terms: terms)
            return clocks.reading(kind, described, at: now)
        }
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
