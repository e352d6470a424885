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
    /// The calendar's tables, looked up once: every walk looking them up again (under a lock the
    /// threads of `list` shared) cost more than the walks.
    let tables: CalendarTables

    public init(policy: Policy) {
        self.policy = policy
        tables = CalendarTables.of(policy.calendar)
    }

    /// Every clock that applies to the escalation, read at `now` (paused ones included, with state `.paused`).
    public func read(_ e: Escalation, at now: Date) -> [ClockReading] {
        let terms = Terms(self, e)
        return ClockKind.allCases.compactMap { kind in plan(kind, of: e, terms: terms).map { reading(kind, $0, at: now) } }
    }

    /// One clock, or nil when it does not apply (e.g. the stall clock of a resolved escalation).
    public func read(_ kind: ClockKind, of e: Escalation, at now: Date) -> ClockReading? {
        guard let plan = plan(kind, of: e) else { return nil }
        return reading(kind, plan, at: now)
    }

    /// The reading of a clock set up as `plan`.
    func reading(_ kind: ClockKind, _ plan: Plan, at now: Date) -> ClockReading {
        let used = used(plan, at: now)
        let state = state(plan, at: now)
        let live = plan.stoppedAt == nil && state != .paused
        let warning = live ? policy.warningThresholds.filter { used >= $0 }.max() : nil
        // While a wait lasts, the deadline is where the clock would end were it resumed now.
        let deadline = plan.left.map { adding($0, to: max(now, plan.pausedSince ?? now), basis: plan.basis) } ?? plan.deadline
        var reading = ClockReading(kind: kind, state: state, start: plan.start, deadline: deadline, stoppedAt: plan.stoppedAt,
                            target: plan.target, basis: plan.basis, used: used, warning: warning, rule: plan.rule)
        reading.pausedByWait = state == .paused && (plan.left != nil || plan.pauses.contains { $0.start <= now && now < $0.end })
        return reading
    }

    /// Where a clock set up as `plan` stands at `now`.
    func state(_ plan: Plan, at now: Date) -> ClockState {
        if plan.pausedSince != nil { return .paused }
        if plan.stoppedAt == nil, plan.pauses.contains(where: { $0.start <= now && now < $0.end }) { return .paused }
        if let stopped = plan.stoppedAt { return stopped > plan.deadline ? .breached : .met }
        return now >= plan.deadline ? .breached : .running
    }

    /// The share of its target a clock set up as `plan` has used at `now`, counted in its basis.
    func used(_ plan: Plan, at now: Date) -> Double {
        let cal = policy.calendar
        let total = BusinessTime.elapsed(from: plan.start, to: plan.deadline, basis: plan.basis, calendar: cal, tables: tables)
        let countedUntil = plan.pausedSince ?? plan.stoppedAt ?? now
        var counted = BusinessTime.elapsed(from: plan.start, to: max(plan.start, countedUntil), basis: plan.basis, calendar: cal, tables: tables)
        var waited = 0.0
        for pause in plan.pauses {
            let within = BusinessTime.elapsed(from: pause.start, to: pause.end, basis: plan.basis, calendar: cal, tables: tables)
            waited += within
            if pause.start < countedUntil {
                counted -= BusinessTime.elapsed(from: pause.start, to: min(pause.end, countedUntil), basis: plan.basis, calendar: cal, tables: tables)
            }
        }
        let target = total - waited
        return target > 0 ? max(0, counted) / target : (countedUntil >= plan.deadline ? 1 : 0)
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
        let choice = acknowledgeChoice(from: acknowledgeStart(of: e), terms: Terms(self, e))
        return (choice.target, acknowledgeRule(for: e, basis: basis(for: e)))
    }

    /// The policy's rules for one escalation, looked up once for all its clocks (each lookup hashes a name).
    struct Terms {
        let categoryRule: CategoryRule
        let tierRule: TierRule?
        let cadence: Cadence?
        let basis: TimeBasis

        init(_ clocks: Clocks, _ e: Escalation) {
            let policy = clocks.policy
            categoryRule = policy.rule(for: e.category)
            tierRule = policy.tiers[e.tier]
            cadence = policy.cadence[e.severity]
            basis = categoryRule.basis ?? policy.basis(for: e.severity)
        }
    }

    /// The stricter acknowledgement target counted from `start`, with its deadline when it was computed to compare.
    private func acknowledgeChoice(from start: Date, terms: Terms) -> (target: SLATarget, deadline: Date?) {
        let basis = terms.basis
        let categoryTarget = terms.categoryRule.acknowledge
        guard !terms.categoryRule.bypassesTiers, let tierRule = terms.tierRule else { return (categoryTarget, nil) }
        let byCategory = BusinessTime.deadline(from: start, adding: categoryTarget, basis: basis, calendar: policy.calendar, tables: tables)
        let byTier = BusinessTime.deadline(from: start, adding: tierRule.response, basis: basis, calendar: policy.calendar, tables: tables)
        return byTier < byCategory ? (tierRule.response, byTier) : (categoryTarget, byCategory)
    }

    /// Which rule chose the acknowledgement target, in one line.
    private func acknowledgeRule(for e: Escalation, basis: TimeBasis) -> String {
        let categoryRule = policy.rule(for: e.category)
        let categoryTarget = categoryRule.acknowledge
        guard !categoryRule.bypassesTiers, let tierRule = policy.tiers[e.tier] else {
            return "category \(e.category.key): acknowledge within \(categoryTarget.phrase(basis))"
                + (categoryRule.bypassesTiers ? " (bypasses tiers)" : "")
        }
        return "category \(e.category.key): \(categoryTarget.phrase(basis)); \(e.tier): \(tierRule.response.phrase(basis)); stricter wins"
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
        /// Waits that paused the clock and ended (the deadline already moved by them).
        var pauses: [DateInterval] = []
        /// During a wait that has not ended: the seconds of target left to count when it began.
        var left: Double?
    }

    /// The setup of `kind` for `e` as it is now, or nil when the clock does not apply. Without
    /// `describing`, `rule` is left empty: its words cost more than the rest of the plan.
    func plan(_ kind: ClockKind, of e: Escalation, describing: Bool = true, terms known: Terms? = nil) -> Plan? {
        let terms = known ?? Terms(self, e)
        let basis = terms.basis
        var clockBasis = basis
        let start: Date
        let target: SLATarget
        var stoppedAt: Date?
        var pausedSince: Date?
        var deadline: Date?
        switch kind {
        case .acknowledge:
            start = acknowledgeStart(of: e)
            (target, deadline) = acknowledgeChoice(from: start, terms: terms)
            stoppedAt = e.status == .routed ? nil : e.acknowledgedAt ?? e.resolvedAt ?? e.closedAt ?? start
        case .resolve:
            guard let t = terms.categoryRule.resolve[e.severity] else { return nil }
            start = e.createdAt
            target = t
            stoppedAt = e.isOpen ? nil : e.resolvedAt ?? e.closedAt
        case .internalUpdate:
            guard e.isOpen, let cadence = terms.cadence else { return nil }
            start = max(e.lastInternalUpdateAt, e.lastProgressAt)
            target = cadence.internalEvery
            if e.status == .routed { pausedSince = start }
        case .customerUpdate:
            guard e.status != .closed, let cadence = terms.cadence else { return nil }
            start = e.lastCustomerUpdateAt ?? e.createdAt
            target = cadence.customerAtMost
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
            if e.status == .routed { pausedSince = start }
        }
        // The acknowledgement's deadline was already computed to pick the stricter target.
        var end = deadline ?? BusinessTime.deadline(from: start, adding: target, basis: clockBasis, calendar: policy.calendar, tables: tables)
        var pauses: [DateInterval] = [], left: Double?
        if pausedSince == nil, !e.waits.isEmpty, waitPauses(kind, terms: terms) {
            let waited = applying(waitIntervals(of: e), from: start, to: end, basis: clockBasis)
            (end, pauses, left) = (waited.deadline, waited.pauses, waited.left)
            // A clock stopped by the resolution is no longer paused by the wait the resolution ended.
            if stoppedAt == nil { pausedSince = waited.pausedSince } else { left = nil }
        }
        return Plan(start: start, target: target, basis: clockBasis, rule: describing ? rule(kind, of: e, terms: terms) : "", stoppedAt: stoppedAt,
                    pausedSince: pausedSince, deadline: end, pauses: pauses, left: left)
    }

    /// Which rule sets the target of `kind` for `e`, in one line (a clock that does not apply has none).
    func rule(_ kind: ClockKind, of e: Escalation, terms known: Terms? = nil) -> String {
        let terms = known ?? Terms(self, e)
        let basis = terms.basis
        switch kind {
        case .acknowledge:
            return acknowledgeRule(for: e, basis: basis)
        case .resolve:
            let categoryRule = terms.categoryRule
            guard let t = categoryRule.resolve[e.severity] else { return "" }
            return "category \(e.category.key), \(e.severity.rawValue): \(categoryRule.resolveMeaning) within \(t.phrase(basis))"
        case .internalUpdate:
            guard let cadence = terms.cadence else { return "" }
            return "\(e.severity.rawValue) cadence: internal update every \(cadence.internalEvery.phrase(basis))"
        case .customerUpdate:
            guard let cadence = terms.cadence else { return "" }
            return "\(e.severity.rawValue) cadence: customer update every \(cadence.customerEvery.phrase(basis)) to \(cadence.customerAtMost.phrase(basis))"
        case .stall:
            let (target, basis) = e.severity == .critical ? (policy.stall.critical, policy.stall.criticalBasis) : (policy.stall.other, policy.stall.otherBasis)
            return "\(e.severity.rawValue): stalled after \(target.phrase(basis)) without progress"
        }
    }

    /// Routing, or the last move back to Routed (the escalation is routed anew and must be acknowledged again).
    func acknowledgeStart(of e: Escalation) -> Date {
        for entry in e.history.reversed() {
            if case .movedBack(_, .routed, _) = entry.change { return entry.time }
        }
        return e.createdAt
    }
}
