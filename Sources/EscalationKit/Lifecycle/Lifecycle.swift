import Foundation

/// The state machine of seed 000 with its guards: acknowledging needs an owner, resolving needs a
/// resolution note, closing happens only from Resolved and only by a person, moving back needs a
/// reason, and a closed escalation is reopened as a new, linked one.
public struct Lifecycle: Sendable {
    public let policy: Policy

    public init(policy: Policy) { self.policy = policy }

    /// Decides the event for `command` against the ledger as it is now. Throws when the command is not allowed.
    public func decide(_ command: Command, on id: EscalationID?, in ledger: Ledger, at now: Date, actor: String) throws(LifecycleError) -> Event {
        guard TimeBounds.contains(now) else {
            throw LifecycleError(.invalidValue, "The time \(ReportTime.iso(now)) is outside the times Escalator accepts (\(TimeBounds.phrase)); nothing was changed.")
        }
        if case .create(let draft) = command {
            try validate(draft)
            let newID = ledger.nextID(at: now, in: policy.calendar.timeZone)
            return Event(time: now, actor: actor, escalation: newID, expectedRevision: 0, change: .created(draft))
        }
        guard let id else { throw LifecycleError(.invalidValue, "No escalation id was given.") }
        guard let e = ledger[id] else {
            throw LifecycleError(.invalidValue, "There is no escalation \(id).")
        }
        if case .reopen(let reason) = command {
            guard e.status == .closed else {
                throw LifecycleError(.illegalTransition, "\(id) is \(e.status.label.lowercased()), not closed: only a closed escalation is reopened.",
                                     allowed: allowed(for: e, at: now))
            }
            let draft = try reopenDraft(of: e, reason: reason)
            try requireInOrder(now, after: e)
            let newID = ledger.nextID(at: now, in: policy.calendar.timeZone)
            return Event(time: now, actor: actor, escalation: newID, expectedRevision: 0, change: .created(draft))
        }
        let change = try self.change(for: command, on: e, in: ledger, at: now, actor: actor)
        // After the transition's own rules: a move that is illegal anyway says so, not when it was dated.
        try requireInOrder(now, after: e)
        return Event(time: now, actor: actor, escalation: id, expectedRevision: e.revision, change: change)
    }

    /// A history runs forward: a change dated before the escalation's latest event (a wrong
    /// ESCALATOR_NOW, a clock set back) would make acknowledgement precede creation and every
    /// duration negative. Compared in whole milliseconds, as the store keeps times.
    func requireInOrder(_ now: Date, after e: Escalation) throws(LifecycleError) {
        guard let last = e.history.last?.time else { return }
        func millis(_ date: Date) -> Double { (date.timeIntervalSince1970 * 1000).rounded() }
        guard millis(now) >= millis(last) else {
            throw LifecycleError(.invalidValue, "\(e.id) was last changed at \(ReportTime.iso(last)); a change cannot be dated before it (this one is dated \(ReportTime.iso(now))).")
        }
    }

    /// The new escalation that reopens a closed one: the same facts, linked to it, with the reason on top of the description.
    public func reopenDraft(of e: Escalation, reason: String) throws(LifecycleError) -> Draft {
        guard e.status == .closed else {
            throw LifecycleError(.illegalTransition, "\(e.id) is \(e.status.label.lowercased()), not closed: only a closed escalation is reopened.")
        }
        try require(reason, "a reason", for: .reopen(reason: reason))
        let why = try clean(reason, field: "reason")
        var draft = Draft(title: e.title, account: e.account, category: e.category, severity: e.severity,
                          suggestedSeverity: e.suggestedSeverity, tier: e.tier, team: policy.rule(for: e.category).team,
                          dimensions: e.dimensions, brief: e.brief, sentiment: e.sentiment, pattern: e.pattern, reopenedFrom: e.id)
        draft.brief.description = e.brief.description.isEmpty ? "Reopened: \(why)" : "Reopened: \(why)\n\n\(e.brief.description)"
        return draft
    }

    /// The change a command makes to an existing escalation.
    public func change(for command: Command, on e: Escalation, in ledger: Ledger, at now: Date, actor: String) throws(LifecycleError) -> Change {
        let status = Clocks(policy: policy).status(of: e, at: now)
        func illegal(_ why: String) -> LifecycleError {
            LifecycleError(.illegalTransition, why, allowed: allowed(for: e, at: now))
        }
        switch command {
        case .create, .reopen:
            throw LifecycleError(.invalidValue, "Internal: \(command.verb) has no change on an existing escalation.")
        case .acknowledge(let owner):
            guard status == .routed else { throw illegal("\(e.id) is already \(status.label.lowercased()); only a routed escalation is acknowledged.") }
            try require(owner, "an owner", for: command)
            return .acknowledged(owner: try clean(owner, field: "owner"))
        case .start:
            guard status == .acknowledged else {
                throw illegal(status == .routed
                    ? "\(e.id) is routed: acknowledge it with an owner before work starts."
                    : "\(e.id) is \(status.label.lowercased()); work starts only from acknowledged.")
            }
            return .started
        case .advance(let resolution):
            switch status {
            case .routed: throw illegal("\(e.id) is routed: moving it on means acknowledging it, which needs an owner.")
            case .acknowledged: return .started
            case .inProgress, .stalled:
                guard let resolution, !resolution.trimmed.isEmpty else {
                    throw LifecycleError(.missingField, "Resolving \(e.id) needs a resolution note.")
                }
                return .resolved(resolution: try clean(resolution, field: "resolution"))
            case .resolved: throw illegal("\(e.id) is resolved: closing it is a person's decision, made with close.")
            case .closed: throw illegal("\(e.id) is closed: it cannot move on.")
            }
        case .back(let reason):
            try require(reason, "a reason", for: command)
            let target: Status
            switch status {
            case .routed: throw illegal("\(e.id) is routed: there is nothing before it.")
            case .acknowledged: target = .routed
            case .inProgress, .stalled: target = .acknowledged
            case .resolved: target = .inProgress
            case .closed: throw illegal("\(e.id) is closed: reopen it instead, which opens a new, linked escalation.")
            }
            return .movedBack(from: e.status, to: target, reason: try clean(reason, field: "reason"))
        case .note(let note):
            guard e.status.isActive else { throw illegal("\(e.id) is \(status.label.lowercased()): progress is logged on open escalations.") }
            try require(note, "a note", for: command)
            return .progressNoted(note: try clean(note, field: "note"), endedStall: Clocks(policy: policy).stallStart(of: e, at: now))
        case .customerUpdate(let note):
            guard e.status != .closed else { throw illegal("\(e.id) is closed.") }
            try require(note, "a note", for: command)
            return .customerUpdated(note: try clean(note, field: "note"))
        case .assign(let owner):
            guard e.status != .closed else { throw illegal("\(e.id) is closed.") }
            try require(owner, "an owner", for: command)
            return .assigned(owner: try clean(owner, field: "owner"))
        case .severity(let severity, let reason):
            guard e.status.isActive else { throw illegal("\(e.id) is \(status.label.lowercased()): severity changes only while it is open.") }
            guard severity != e.severity else { throw LifecycleError(.invalidValue, "\(e.id) is already \(severity.rawValue).") }
            try require(reason, "a reason", for: command)
            return .severityChanged(from: e.severity, to: severity, reason: try clean(reason, field: "reason"))
        case .tier(let tier, let reason):
            guard e.status.isActive else { throw illegal("\(e.id) is \(status.label.lowercased()): the tier changes only while it is open.") }
            guard tier != e.tier else { throw LifecycleError(.invalidValue, "\(e.id) is already \(tier).") }
            try require(reason, "a reason", for: command)
            return .tierChanged(from: e.tier, to: tier, reason: try clean(reason, field: "reason"))
        case .category(let category, let reason):
            guard e.status.isActive else { throw illegal("\(e.id) is \(status.label.lowercased()): the category changes only while it is open.") }
            guard category != e.category else { throw LifecycleError(.invalidValue, "\(e.id) is already \(category.key).") }
            try require(reason, "a reason", for: command)
            return .categoryChanged(from: e.category, to: category, team: policy.rule(for: category).team, reason: try clean(reason, field: "reason"))
        case .sentiment(let sentiment):
            return .sentimentChanged(Sentiment(rawValue: try clean(sentiment.rawValue, field: "sentiment")))
        case .resolve(let resolution):
            guard status == .inProgress || status == .stalled || status == .acknowledged else {
                throw illegal(status == .routed
                    ? "\(e.id) is routed: it must be acknowledged by an owner before it is resolved."
                    : "\(e.id) is already \(status.label.lowercased()).")
            }
            try require(resolution, "a resolution note", for: command)
            return .resolved(resolution: try clean(resolution, field: "resolution"))
        case .close:
            guard status == .resolved else {
                throw illegal("\(e.id) is \(status.label.lowercased()): only a resolved escalation is closed, once the customer confirms.")
            }
            return .closed
        case .link(let pattern):
            let key = try clean(pattern, field: "pattern")
            guard !key.contains(where: \.isWhitespace) else { throw LifecycleError(.invalidValue, "A pattern key is one word, such as export-missing-rows.") }
            return .linked(pattern: key)
        case .deescalate(let record):
            guard e.status != .closed else { throw illegal("\(e.id) is closed.") }
            return .deescalated(record)
        case .edit(let edit):
            guard e.status != .closed else { throw illegal("\(e.id) is closed: reopen it to change it.") }
            if let title = edit.title {
                try require(title, "a title", for: command)
                if let problem = Intake.titleProblem(title) { throw LifecycleError(.invalidValue, problem) }
            }
            if let account = edit.account { try validate(account) }
            return .edited(edit)
        case .wait(let party, let reason, let until):
            guard e.status.isActive else { throw illegal("\(e.id) is \(status.label.lowercased()): only an open escalation waits.") }
            let clocks = Clocks(policy: policy)
            if let current = clocks.currentWait(of: e, at: now) {
                throw illegal("\(e.id) is already waiting on \(current.party.phrase) since \(ReportTime.minute(current.from, in: policy.calendar.timeZone)); resume it first.")
            }
            try require(reason, "a reason", for: command)
            if let until, until <= now {
                throw LifecycleError(.invalidValue, "The wait would end at \(ReportTime.iso(until)), which is not after now (\(ReportTime.iso(now))); give a later --until.")
            }
            return .waitStarted(on: party, reason: try clean(reason, field: "reason"), until: until)
        case .resume(let reason):
            guard Clocks(policy: policy).currentWait(of: e, at: now) != nil else {
                throw illegal("\(e.id) is not waiting on anyone; nothing was changed.")
            }
            try require(reason, "a reason", for: command)
            return .waitEnded(reason: try clean(reason, field: "reason"))
        case .undo(let sequence):
            guard let entry = e.history.first(where: { $0.sequence == sequence }) else {
                throw LifecycleError(.invalidValue, "\(e.id) has no event \(sequence).")
            }
            guard entry.actor == actor else {
                throw LifecycleError(.invalidValue, "Event \(sequence) was made by \(entry.actor); you can undo only your own changes.")
            }
            if case .created = entry.change {
                throw LifecycleError(.invalidValue, "Creating \(e.id) cannot be undone; resolve it or ask for it to be closed.")
            }
            if case .undone = entry.change { throw LifecycleError(.invalidValue, "An undo cannot itself be undone.") }
            let undone = Set(e.history.compactMap { h -> Int? in if case .undone(let s, _) = h.change { return s } else { return nil } })
            guard !undone.contains(sequence) else { throw LifecycleError(.invalidValue, "Event \(sequence) is already undone.") }
            let live = e.history.filter { h in
                if case .undone = h.change { return false }
                return !undone.contains(h.sequence)
            }
            guard live.last?.sequence == sequence else {
                throw LifecycleError(.conflict, "\(e.id) changed after event \(sequence); only the latest change can be undone.")
            }
            return .undone(sequence: sequence, summary: entry.change.phrase(policy: policy))
        }
    }

    /// The verbs allowed on the escalation at `now`, for help and error messages.
    public func allowed(for e: Escalation, at now: Date) -> [String] {
        let clocks = Clocks(policy: policy)
        let waiting = e.isOpen ? [clocks.currentWait(of: e, at: now) == nil ? "wait" : "resume"] : []
        switch clocks.status(of: e, at: now) {
        case .routed: return ["acknowledge", "assign", "note", "customer update", "severity", "tier"] + waiting
        case .acknowledged: return ["start", "back", "resolve", "note", "customer update", "assign", "severity", "tier"] + waiting
        case .inProgress, .stalled: return ["resolve", "back", "note", "customer update", "assign", "severity", "tier"] + waiting
        case .resolved: return ["close", "back", "customer update"]
        case .closed: return ["reopen"]
        }
    }

    /// Checks a new escalation's facts.
    public func validate(_ draft: Draft) throws(LifecycleError) {
        guard !draft.title.trimmed.isEmpty else { throw LifecycleError(.missingField, "A title is required.") }
        if let problem = Intake.titleProblem(draft.title) { throw LifecycleError(.invalidValue, problem) }
        try validate(draft.account)
    }

    func validate(_ account: Account) throws(LifecycleError) {
        guard !account.name.trimmed.isEmpty else { throw LifecycleError(.missingField, "An account name is required.") }
        _ = try clean(account.name, field: "account")
        guard (0...Money.maximumAmount).contains(account.arr.amount) else {
            throw LifecycleError(.invalidValue, "ARR must be between 0 and \(Money.maximumAmount), not \(account.arr.amount).")
        }
        if let health = account.healthScore, !(0...100).contains(health) {
            throw LifecycleError(.invalidValue, "A health score is 0 to 100, not \(health).")
        }
    }

    private func require(_ text: String, _ what: String, for command: Command) throws(LifecycleError) {
        guard !text.trimmed.isEmpty else {
            throw LifecycleError(.missingField, "\(what.prefix(1).uppercased() + what.dropFirst()) is needed to \(command.verb) an escalation; nothing was changed.")
        }
    }

    /// Refuses text with control characters or escape sequences in one-line fields.
    private func clean(_ text: String, field: String) throws(LifecycleError) -> String {
        if let bad = SafeText.firstUnsafeScalar(in: text) {
            throw LifecycleError(.invalidValue, "The \(field) contains a control character (U+\(String(bad.value, radix: 16, uppercase: true))); type it without escape sequences.")
        }
        return text.trimmed
    }
}
