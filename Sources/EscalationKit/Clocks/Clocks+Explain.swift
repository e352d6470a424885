import Foundation

extension Clocks {
    /// Every clock of the escalation explained at `now`: rule, start, deadline, the intervals counted
    /// (the first 20, with a count of the rest), the holidays and days off skipped, the states that
    /// pause it, and the deadline before and after each severity, tier or category change in its history.
    public func explain(_ e: Escalation, at now: Date) -> [ClockExplanation] {
        let states = replayedStates(of: e)
        let waits = waitIntervals(of: e)
        return ClockKind.allCases.compactMap { kind in
            guard let reading = read(kind, of: e, at: now) else { return nil }
            var explanation = ClockExplanation(
                kind: kind, state: reading.state, rule: reading.rule, target: reading.target, basis: reading.basis,
                timeZone: policy.calendar.timeZone.identifier, start: reading.start, startsAt: kind.startsAt,
                deadline: reading.deadline, stoppedAt: reading.stoppedAt, used: reading.used, warning: reading.warning,
                counted: counted(from: reading.start, to: reading.deadline, basis: reading.basis),
                runsIn: kind.runsIn, pausedIn: kind.pausedIn,
                pauses: pauses(of: kind, in: e, states: states),
                deadlineHistory: deadlineHistory(of: kind, in: e, states: states))
            explanation.explainedAt = now
            explanation.waits = waitEffects(of: kind, in: e, waits: waits)
            for day in explanation.counted.holidays {
                if let name = policy.calendar.holidayNames[day] { explanation.holidayNames[day.description] = name }
            }
            return explanation
        }
    }

    /// Each wait that stopped `kind`, with the deadline before it and after it (nil while it lasts).
    func waitEffects(of kind: ClockKind, in e: Escalation, waits: [WaitInterval]) -> [ClockExplanation.WaitEffect] {
        guard !waits.isEmpty, let plan = plan(kind, of: e, describing: false), plan.pausedSince == nil || plan.left != nil,
              waitPauses(kind, terms: Terms(self, e)) else { return [] }
        let base = BusinessTime.deadline(from: plan.start, adding: plan.target, basis: plan.basis, calendar: policy.calendar, tables: tables)
        var result: [ClockExplanation.WaitEffect] = []
        for index in waits.indices {
            let before = applying(Array(waits[..<index]), from: plan.start, to: base, basis: plan.basis)
            let after = applying(Array(waits[...index]), from: plan.start, to: base, basis: plan.basis)
            // A wait that did not stop this clock (over before it started, or begun after it ran out) is not listed.
            guard after.pausedSince != nil || after.deadline != before.deadline else { continue }
            result.append(.init(wait: waits[index], oldDeadline: before.pausedSince == nil ? before.deadline : nil,
                                newDeadline: after.pausedSince == nil ? after.deadline : nil))
        }
        return result
    }

    /// What the clock counts between its start and its deadline.
    func counted(from start: Date, to deadline: Date, basis: TimeBasis) -> WorkingBreakdown {
        switch basis {
        case .business:
            return BusinessTime.breakdown(from: start, to: deadline, calendar: policy.calendar)
        case .calendar:
            var whole = WorkingBreakdown()
            guard deadline > start, deadline != .distantFuture else { return whole }
            whole.intervals = [DateInterval(start: start, end: deadline)]
            whole.intervalCount = 1
            whole.workingSeconds = deadline.timeIntervalSince(start)
            return whole
        }
    }

    /// The escalation after each entry of its history, replayed from its creation; nil when the
    /// history does not replay (then the deadline history falls back to swapping the changed field).
    func replayedStates(of e: Escalation) -> [Escalation]? {
        guard let first = e.history.first, case .created(let draft) = first.change else { return nil }
        func event(_ entry: HistoryEntry, revision: Int) -> Event {
            Event(sequence: entry.sequence, time: entry.time, actor: entry.actor, escalation: e.id,
                  expectedRevision: revision, change: entry.change, login: entry.login)
        }
        var current = Escalation(created: event(first, revision: 0), draft: draft)
        var states = [current]
        for entry in e.history.dropFirst() {
            guard let next = try? current.applying(event(entry, revision: current.revision)) else { return nil }
            current = next
            states.append(current)
        }
        return states
    }

    /// The stretches of history the escalation spent in a state that pauses `kind`.
    func pauses(of kind: ClockKind, in e: Escalation, states: [Escalation]?) -> [ClockExplanation.Pause] {
        let pausing = Set(kind.pausedIn)
        guard !pausing.isEmpty, let states else { return [] }
        var result: [ClockExplanation.Pause] = []
        for (index, state) in states.enumerated() {
            let open = result.last.map { $0.until == nil } ?? false
            if pausing.contains(state.status) {
                if !open { result.append(.init(status: state.status, from: e.history[index].time, until: nil)) }
            } else if open {
                result[result.count - 1].until = e.history[index].time
            }
        }
        return result
    }

    /// The deadline of `kind` just before and just after each severity, tier or category change.
    func deadlineHistory(of kind: ClockKind, in e: Escalation, states: [Escalation]?) -> [ClockExplanation.DeadlineChange] {
        var result: [ClockExplanation.DeadlineChange] = []
        for (index, entry) in e.history.enumerated() {
            var before = e, after = e
            let change: String, reason: String
            switch entry.change {
            case .severityChanged(let from, let to, let why):
                change = "severity \(from.rawValue) → \(to.rawValue)"; reason = why
                before.severity = from; after.severity = to
            case .tierChanged(let from, let to, let why):
                change = "\(from) → \(to)"; reason = why
                before.tier = from; after.tier = to
            case .categoryChanged(let from, let to, _, let why):
                change = "category \(from.key) → \(to.key)"; reason = why
                before.category = from; after.category = to
            default:
                continue
            }
            if let states, index > 0 {
                before = states[index - 1]
                after = states[index]
            }
            let old = read(kind, of: before, at: entry.time)?.deadline
            let new = read(kind, of: after, at: entry.time)?.deadline
            guard old != nil || new != nil else { continue }
            result.append(.init(time: entry.time, actor: entry.actor, change: change, reason: reason, oldDeadline: old, newDeadline: new))
        }
        return result
    }
}
