import Foundation

/// Why an event cannot be replayed onto the state it was given: the journal and the state disagree.
public struct ReplayError: Error, Equatable, CustomStringConvertible, Sendable {
    public var sequence: Int
    public var reason: String
    public var description: String { "event \(sequence): \(reason)" }
}

extension Escalation {
    /// The escalation rebuilt from history entries (the first must be its creation).
    func replaying(_ entries: [HistoryEntry], failingAt sequence: Int) throws(ReplayError) -> Escalation {
        guard let first = entries.first, case .created(let draft) = first.change else {
            throw ReplayError(sequence: sequence, reason: "\(id) cannot be rebuilt without its creation")
        }
        func event(_ entry: HistoryEntry, _ index: Int) -> Event {
            Event(sequence: entry.sequence, time: entry.time, actor: entry.actor, escalation: id, expectedRevision: index, change: entry.change, login: entry.login)
        }
        var rebuilt = Escalation(created: event(first, 0), draft: draft)
        for (index, entry) in entries.enumerated().dropFirst() {
            rebuilt = try rebuilt.applying(event(entry, index))
        }
        return rebuilt
    }

    /// A new escalation from its creation event.
    public init(created event: Event, draft: Draft) {
        id = event.escalation
        title = draft.title
        account = draft.account
        category = draft.category
        severity = draft.severity
        suggestedSeverity = draft.suggestedSeverity
        severityOverrideReason = draft.severityOverrideReason
        tier = draft.tier
        status = .routed
        owner = draft.owner
        reporter = event.actor
        team = draft.team
        dimensions = draft.dimensions
        brief = draft.brief
        sentiment = draft.sentiment
        pattern = draft.pattern
        reopenedFrom = draft.reopenedFrom
        resolution = nil
        deescalation = nil
        createdAt = event.time
        acknowledgedAt = nil
        startedAt = nil
        resolvedAt = nil
        closedAt = nil
        lastProgressAt = event.time
        lastInternalUpdateAt = event.time
        lastCustomerUpdateAt = draft.brief.communication.lastUpdateAt
        stallEpisodes = 0
        revision = 1
        history = [HistoryEntry(sequence: event.sequence, time: event.time, actor: event.actor, change: event.change, login: event.login)]
    }

    /// This escalation with `event` applied. Replay trusts the journal: the lifecycle's guards ran
    /// when the command was accepted, so only what makes replay impossible is an error here.
    public func applying(_ event: Event) throws(ReplayError) -> Escalation {
        var next = self
        try next.apply(event)
        return next
    }

    /// `applying(_:)` in place, without copying the escalation (replaying a store applies a million
    /// events); on an error (only a second creation) the escalation is unchanged.
    public mutating func apply(_ event: Event) throws(ReplayError) {
        let time = event.time
        switch event.change {
        case .created:
            throw ReplayError(sequence: event.sequence, reason: "\(id) is created twice")
        case .acknowledged(let owner):
            self.owner = owner
            self.status = .acknowledged
            self.acknowledgedAt = self.acknowledgedAt ?? time
            self.lastProgressAt = time
        case .started:
            self.status = .inProgress
            self.startedAt = self.startedAt ?? time
            self.lastProgressAt = time
        case .movedBack(_, let to, _):
            self.status = to
            if to == .routed { self.acknowledgedAt = nil }
            if to.isActive { self.resolvedAt = nil; self.resolution = nil }
            self.lastProgressAt = time
        case .progressNoted(_, let endedStall):
            self.lastProgressAt = time
            self.lastInternalUpdateAt = time
            if endedStall != nil { self.stallEpisodes += 1 }
        case .customerUpdated(let note):
            if let last = waits.indices.last, waits[last].resumedAt == nil, waits[last].party == .customer,
               waits[last].customerUpdateAt == nil {
                waits[last].customerUpdateAt = time
            }
            self.lastCustomerUpdateAt = time
            self.brief.communication.lastUpdate = note
            self.brief.communication.lastUpdateAt = time
        case .assigned(let owner):
            self.owner = owner
        case .severityChanged(_, let to, let reason):
            self.severity = to
            if let suggested = self.suggestedSeverity, suggested != to {
                self.severityOverrideReason = reason
            }
        case .tierChanged(_, let to, _):
            self.tier = to
        case .categoryChanged(_, let to, let team, _):
            self.category = to
            self.team = team
        case .sentimentChanged(let sentiment):
            self.sentiment = sentiment
        case .resolved(let resolution):
            endWait(at: time, reason: nil)
            self.status = .resolved
            self.resolution = resolution
            self.resolvedAt = time
        case .closed:
            endWait(at: time, reason: nil)
            self.status = .closed
            self.closedAt = time
        case .linked(let pattern):
            self.pattern = pattern.isEmpty ? nil : pattern
        case .deescalated(let record):
            self.deescalation = record
        case .edited(let edit):
            if let title = edit.title { self.title = title }
            if let account = edit.account { self.account = account }
            if let dimensions = edit.dimensions { self.dimensions = dimensions }
            if let brief = edit.brief { self.brief = brief }
        case .waitStarted(let party, let reason, let until):
            waits.append(WaitSpan(party: party, reason: reason, actor: event.actor, from: time, until: until))
        case .waitEnded(let reason):
            endWait(at: time, reason: reason)
        case .undone(let sequence, _):
            // The state becomes what it would be had the undone event never happened; the audit
            // trail keeps both the event and its undo.
            var rebuilt = try replaying(history.filter { $0.sequence != sequence }, failingAt: event.sequence)
            rebuilt.history = history
            rebuilt.revision = revision
            self = rebuilt
        }
        self.revision += 1
        self.history.append(HistoryEntry(sequence: event.sequence, time: time, actor: event.actor, change: event.change, login: event.login))
    }

    /// Ends the last wait when nothing ended it yet; no reason means the resolution ended it.
    private mutating func endWait(at time: Date, reason: String?) {
        guard let last = waits.indices.last, waits[last].resumedAt == nil else { return }
        waits[last].resumedAt = time
        waits[last].resumeReason = reason
        waits[last].endedByResolution = reason == nil
    }
}
