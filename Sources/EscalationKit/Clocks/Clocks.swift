import Foundation

/// Reads an escalation's clocks at a moment: the one place that decides deadlines, breaches and stalls.
public struct Clocks: Sendable {
    public let policy: Policy

    public init(policy: Policy) { self.policy = policy }

    /// Every clock that applies to the escalation, read at `now`.
    public func read(_ e: Escalation, at now: Date) -> [ClockReading] {
        ClockKind.allCases.compactMap { read($0, of: e, at: now) }
    }

    /// One clock, or nil when it does not apply (e.g. the stall clock of a routed escalation).
    public func read(_ kind: ClockKind, of e: Escalation, at now: Date) -> ClockReading? {
        let cal = policy.calendar
        let basis = self.basis(for: e)
        let start: Date
        let target: SLATarget
        let rule: String
        var stoppedAt: Date?
        var clockBasis = basis
        switch kind {
        case .acknowledge:
            let (t, r) = acknowledgeTarget(for: e)
            start = e.createdAt; target = t; rule = r
            stoppedAt = e.acknowledgedAt ?? (e.status == .routed ? nil : e.resolvedAt ?? e.closedAt)
        case .resolve:
            let categoryRule = policy.rule(for: e.category)
            guard let t = categoryRule.resolve[e.severity] else { return nil }
            start = e.createdAt; target = t
            rule = "category \(e.category.key), \(e.severity.rawValue): \(categoryRule.resolveMeaning) within \(t.phrase(basis))"
            stoppedAt = e.resolvedAt ?? e.closedAt
        case .internalUpdate:
            guard e.status.isActive, e.status != .routed, let cadence = policy.cadence[e.severity] else { return nil }
            start = e.lastInternalUpdateAt; target = cadence.internalEvery
            rule = "\(e.severity.rawValue) cadence: internal update every \(target.phrase(basis))"
        case .customerUpdate:
            guard e.status.isActive, let cadence = policy.cadence[e.severity] else { return nil }
            start = e.lastCustomerUpdateAt ?? e.createdAt; target = cadence.customerAtMost
            rule = "\(e.severity.rawValue) cadence: customer update every \(cadence.customerEvery.phrase(basis)) to \(cadence.customerAtMost.phrase(basis))"
        case .stall:
            guard e.status == .acknowledged || e.status == .inProgress else { return nil }
            start = e.lastProgressAt
            if e.severity == .critical {
                target = policy.stall.critical; clockBasis = policy.stall.criticalBasis
            } else {
                target = policy.stall.other; clockBasis = policy.stall.otherBasis
            }
            rule = "\(e.severity.rawValue): stalled after \(target.phrase(clockBasis)) without progress"
        }
        let deadline = BusinessTime.deadline(from: start, adding: target, basis: clockBasis, calendar: cal)
        let end = stoppedAt ?? now
        let total = BusinessTime.elapsed(from: start, to: deadline, basis: clockBasis, calendar: cal)
        let used = total > 0 ? BusinessTime.elapsed(from: start, to: end, basis: clockBasis, calendar: cal) / total : 1
        let state: ClockState
        if let stopped = stoppedAt {
            state = stopped > deadline ? .breached : .met
        } else {
            state = now >= deadline ? .breached : .running
        }
        let warning = stoppedAt == nil ? policy.warningThresholds.filter { used >= $0 }.max() : nil
        return ClockReading(kind: kind, state: state, start: start, deadline: deadline, stoppedAt: stoppedAt, target: target,
                            basis: clockBasis, used: used, warning: warning, rule: rule)
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
        let reference = e.createdAt
        let byCategory = BusinessTime.deadline(from: reference, adding: categoryTarget, basis: basis, calendar: policy.calendar)
        let byTier = BusinessTime.deadline(from: reference, adding: tierRule.response, basis: basis, calendar: policy.calendar)
        let line = "category \(e.category.key): \(categoryTarget.phrase(basis)); \(e.tier): \(tierRule.response.phrase(basis)); stricter wins"
        return (byTier < byCategory ? tierRule.response : categoryTarget, line)
    }
}
