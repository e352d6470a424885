import Foundation

/// Waiting (`escalator wait`): while an escalation waits on someone, the resolve and stall clocks
/// stop, and the internal update cadence too where the category's `WaitRule` says so; the acknowledge
/// and customer-update clocks never pause. A clock that was paused counts, after the wait, what was
/// left of its target when the wait began (in working time for business time), so each deadline moves
/// by the wait's counted length. A wait that begins after a clock ran out leaves its breach as it was.
extension Clocks {
    /// The escalation's waits as the clocks count them: each with the end that came first of its
    /// resume (or the resolution), its `until`, and the customer update that answers a wait on the
    /// customer where the category says so. A wait none of these ended has no end yet.
    public func waitIntervals(of e: Escalation) -> [WaitInterval] {
        guard !e.waits.isEmpty else { return [] }
        let rule = policy.rule(for: e.category).waiting
        return e.waits.map { span in
            var ends: [(Date, WaitInterval.Ending)] = []
            if let at = span.resumedAt {
                ends.append((at, span.endedByResolution ? .resolution : .resumed))
            }
            if let until = span.until { ends.append((until, .until)) }
            if rule.customerUpdateResumes, span.party == .customer, let at = span.customerUpdateAt { ends.append((at, .customerUpdate)) }
            let first = ends.min { $0.0 < $1.0 }
            return WaitInterval(party: span.party, reason: span.reason, actor: span.actor, from: span.from, until: first.map { max(span.from, $0.0) },
                                endedBy: first?.1, resumeReason: first?.1 == .resumed ? span.resumeReason : nil)
        }
    }

    /// The wait in force at `now`, if any.
    public func currentWait(of e: Escalation, at now: Date) -> WaitInterval? {
        guard e.isOpen else { return nil }
        return waitIntervals(of: e).last { $0.contains(now) }
    }

    /// True when waiting stops `kind` for escalations of this category.
    func waitPauses(_ kind: ClockKind, terms: Terms) -> Bool {
        switch kind {
        case .resolve, .stall: true
        case .internalUpdate: terms.categoryRule.waiting.pausesInternalUpdates
        case .acknowledge, .customerUpdate: false
        }
    }

    /// A deadline counted from `start` with `waits` taken out: each wait that begins before the deadline
    /// moves it by the time the clock would have counted during the wait. An open wait leaves the
    /// clock paused (`pausedSince`), with `left` seconds of its target still to count.
    func applying(_ waits: [WaitInterval], from start: Date, to deadline: Date, basis: TimeBasis)
        -> (deadline: Date, pauses: [DateInterval], pausedSince: Date?, left: Double?) {
        var end = deadline, pauses: [DateInterval] = []
        for wait in waits {
            let from = max(wait.from, start)
            if let until = wait.until, until <= from { continue }
            guard from < end else { break }
            let left = BusinessTime.elapsed(from: from, to: end, basis: basis, calendar: policy.calendar, tables: tables)
            guard let until = wait.until else { return (end, pauses, from, left) }
            pauses.append(DateInterval(start: from, end: until))
            end = adding(left, to: until, basis: basis)
        }
        return (end, pauses, nil, nil)
    }

    /// `seconds` counted in `basis` from `t` on.
    func adding(_ seconds: Double, to t: Date, basis: TimeBasis) -> Date {
        switch basis {
        case .calendar: return t.addingTimeInterval(seconds)
        case .business:
            var days = WorkingDays(policy.calendar, from: t, tables: tables)
            return BusinessTime.addingWorkingSeconds(seconds, to: t.timeIntervalSince1970, in: &days).map(Date.init(timeIntervalSince1970:)) ?? .distantFuture
        }
    }
}
