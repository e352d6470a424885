import Foundation

/// Reads an escalation's clocks at a moment: the one place that decides deadlines, breaches and stalls.
///
/// Recomputation rule: a clock's deadline is always computed from its own start (routing for
/// acknowledge and resolve, the last progress or customer update for the others) with the target and
/// time basis of the escalation's *current* severity, tier and category. So a severity, tier or
/// category change moves every deadline at once — never restarting the count, never keeping the old
/// target — and the change itself, with the old and new deadline, is shown by `explain(_:at:)`.
public struct Clocks: Sendable {
    public let policy: Policy

    public init(policy: Policy) { self.policy = policy }

    /// Every clock that applies to the escalation, read at `now` (paused ones included, with state `.paused`).
    public func read(_ e: Escalation, at now: Date) -> [ClockReading] {
        ClockKind.allCases.compactMap { read($0, of: e, at: now) }
    }

    /// One clock, or nil when it does not apply (e.g. the stall clock of a resolved escalation).
    public func read(_ kind: ClockKind, of e: Escalation, at now: Date) -> ClockReading? {
        guard let plan = plan(kind, of: e) else { return nil }
        let cal = policy.calendar
        let deadline = plan.deadline
        let total = BusinessTime.elapsed(from: plan.start, to: deadline, basis: plan.basis, calendar: cal)
        let countedUntil = plan.pausedSince ?? plan.stoppedAt ?? now
        let counted = BusinessTime.elapsed(from: plan.start, to: max(plan.start, countedUntil), basis: plan.basis, calendar: cal)
        let used = total > 0 ? counted / total : (countedUntil >= deadline ? 1 : 0)
        let state: ClockState
        if plan.pausedSince != nil {
            state = .paused
        } else if let stopped = plan.stoppedAt {
            state = stopped > deadline ? .breached : .met
        } else {
            state = now >= deadline ? .breached : .running
        }
        let live = plan.stoppedAt == nil && plan.pausedSince == nil
        let warning = live ? policy.warningThresholds.filter { used >= $0 }.max() : nil
        return ClockReading(kind: kind, state: state, start: plan.start, deadline: deadline, stoppedAt: plan.stoppedAt,
                            target: plan.target, basis: plan.basis, used: used, warning: warning, rule: plan.rule)
    }

    /// The status a person should see: Stalled when the stall clock has run out.
    public func status(of e: Escalation, at now: Date) -> Status {
        stallStart(of: e, at: now) != nil ? .stalled : e.status
    }

    /// When the escalation became stalled, or nil when it is not stalled at `now`.
    public func stallStart(of e: Escalation, at now: Date) -> Date? {
        guard let clock = read(.stall, of: e, at: now), clock.state == .breached else { return nil }
        return clock.deadline
    }

    /// The live clock closest to (or furthest past) its deadline: what a card shows.
    public func mostUrgent(_ e: Escalation, at now: Date) -> ClockReading? {
        read(e, at: now).filter { $0.isLive && $0.kind != .stall }.min { $0.deadline < $1.deadline }
    }

    /// The time basis of an escalation's targets: the category's override, else its severity's.
    public func basis(for e: Escalation) -> TimeBasis {
        policy.rule(for: e.category).basis ?? policy.basis(for: e.severity)
    }

    /// The acknowledgement target: the stricter of the category's and the tier's, unless the category bypasses tiers.
    public func acknowledgeTarget(for e: Escalation) -> (SLATarget, String) {
        let categoryRule = policy.rule(for: e.category)
        let basis = self.basis(for: e)
        let categoryTarget = categoryRule.acknowledge
        guard !categoryRule.bypassesTiers, let tierRule = policy.tiers[e.tier] else {
            return (categoryTarget, "category \(e.category.key): acknowledge within \(categoryTarget.phrase(basis))"
                + (categoryRule.bypassesTiers ? " (bypasses tiers)" : ""))
        }
        let reference = acknowledgeStart(of: e)
        let byCategory = BusinessTime.deadline(from: reference, adding: categoryTarget, basis: basis, calendar: policy.calendar)
        let byTier = BusinessTime.deadline(from: reference, adding: tierRule.response, basis: basis, calendar: policy.calendar)
        let line = "category \(e.category.key): \(categoryTarget.phrase(basis)); \(e.tier): \(tierRule.response.phrase(basis)); stricter wins"
        return (byTier < byCategory ? tierRule.response : categoryTarget, line)
    }

    // MARK: - What each clock counts

    /// How one clock of one escalation is set up: its start, target, basis and whether it stopped or is paused.
    struct Plan {
        var start: Date
        var target: SLATarget
        var basis: TimeBasis
        var rule: String
        var stoppedAt: Date?
        /// Set while the escalation sits in a state that pauses the clock: counting ended here.
        var pausedSince: Date?
        var deadline: Date
    }

    /// The setup of `kind` for `e` as it is now, or nil when the clock does not apply.
    func plan(_ kind: ClockKind, of e: Escalation) -> Plan? {
        let basis = self.basis(for: e)
        var clockBasis = basis
        let start: Date
        let target: SLATarget
        let rule: String
        var stoppedAt: Date?
        var pausedSince: Date?
        switch kind {
        case .acknowledge:
            (target, rule) = acknowledgeTarget(for: e)
            start = acknowledgeStart(of: e)
            stoppedAt = e.status == .routed ? nil : e.acknowledgedAt ?? e.resolvedAt ?? e.closedAt ?? start
        case .resolve:
            let categoryRule = policy.rule(for: e.category)
            guard let t = categoryRule.resolve[e.severity] else { return nil }
            start = e.createdAt
            target = t
            rule = "category \(e.category.key), \(e.severity.rawValue): \(categoryRule.resolveMeaning) within \(t.phrase(basis))"
            stoppedAt = e.isOpen ? nil : e.resolvedAt ?? e.closedAt
        case .internalUpdate:
            guard e.isOpen, let cadence = policy.cadence[e.severity] else { return nil }
            start = max(e.lastInternalUpdateAt, e.lastProgressAt)
            target = cadence.internalEvery
            rule = "\(e.severity.rawValue) cadence: internal update every \(target.phrase(basis))"
            if e.status == .routed { pausedSince = start }
        case .customerUpdate:
            guard e.status != .closed, let cadence = policy.cadence[e.severity] else { return nil }
            start = e.lastCustomerUpdateAt ?? e.createdAt
            target = cadence.customerAtMost
            rule = "\(e.severity.rawValue) cadence: customer update every \(cadence.customerEvery.phrase(basis)) to \(cadence.customerAtMost.phrase(basis))"
            if e.status == .resolved { pausedSince = max(start, e.resolvedAt ?? start) }
        case .stall:
            guard e.isOpen else { return nil }
            start = e.lastProgressAt
            if e.severity == .critical {
                target = policy.stall.critical
                clockBasis = policy.stall.criticalBasis
            } else {
                target = policy.stall.other
                clockBasis = policy.stall.otherBasis
            }
            rule = "\(e.severity.rawValue): stalled after \(target.phrase(clockBasis)) without progress"
            if e.status == .routed { pausedSince = start }
        }
        let deadline = BusinessTime.deadline(from: start, adding: target, basis: clockBasis, calendar: policy.calendar)
        return Plan(start: start, target: target, basis: clockBasis, rule: rule, stoppedAt: stoppedAt,
                    pausedSince: pausedSince, deadline: deadline)
    }

    /// Routing, or the last move back to Routed (the escalation is routed anew and must be acknowledged again).
    func acknowledgeStart(of e: Escalation) -> Date {
        for entry in e.history.reversed() {
            if case .movedBack(_, .routed, _) = entry.change { return entry.time }
        }
        return e.createdAt
    }
}
