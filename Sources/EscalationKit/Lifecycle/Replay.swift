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
            Event(sequence: entry.sequence, time: entry.time, actor: entry.actor, escalation: id, expectedRevision: index, change: entry.change)
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
        history = [HistoryEntry(sequence: event.sequence, time: event.time, actor: event.actor, change: event.change)]
    }

    /// This escalation with `event` applied. Replay trusts the journal: the lifecycle's guards ran
    /// when the command was accepted, so only what makes replay impossible is an error here.
    public func applying(_ event: Event) throws(ReplayError) -> Escalation {
        var next = self
        let time = event.time
        switch event.change {
        case .created:
            throw ReplayError(sequence: event.sequence, reason: "\(id) is created twice")
        case .acknowledged(let owner):
            next.owner = owner
            next.status = .acknowledged
            next.acknowledgedAt = next.acknowledgedAt ?? time
            next.lastProgressAt = time
        case .started:
            next.status = .inProgress
            next.startedAt = next.startedAt ?? time
            next.lastProgressAt = time
        case .movedBack(_, let to, _):
            next.status = to
            if to == .routed { next.acknowledgedAt = nil }
            if to.isActive { next.resolvedAt = nil; next.resolution = nil }
            next.lastProgressAt = time
        case .progressNoted(_, let endedStall):
            next.lastProgressAt = time
            next.lastInternalUpdateAt = time
            if endedStall != nil { next.stallEpisodes += 1 }
        case .customerUpdated(let note):
            next.lastCustomerUpdateAt = time
            next.brief.communication.lastUpdate = note
            next.brief.communication.lastUpdateAt = time
        case .assigned(let owner):
            next.owner = owner
        case .severityChanged(_, let to, let reason):
            next.severity = to
            if let suggested = next.suggestedSeverity, suggested != to {
                next.severityOverrideReason = reason
            }
        case .tierChanged(_, let to, _):
            next.tier = to
        case .categoryChanged(_, let to, let team, _):
            next.category = to
            next.team = team
        case .sentimentChanged(let sentiment):
            next.sentiment = sentiment
        case .resolved(let resolution):
            next.status = .resolved
            next.resolution = resolution
            next.resolvedAt = time
        case .closed:
            next.status = .closed
            next.closedAt = time
        case .linked(let pattern):
            next.pattern = pattern.isEmpty ? nil : pattern
        case .deescalated(let record):
            next.deescalation = record
        case .edited(let edit):
            if let title = edit.title { next.title = title }
            if let account = edit.account { next.account = account }
            if let dimensions = edit.dimensions { next.dimensions = dimensions }
            if let brief = edit.brief { next.brief = brief }
        case .undone(let sequence, _):
            // The state becomes what it would be had the undone event never happened; the audit
            // trail keeps both the event and its undo.
            next = try replaying(history.filter { $0.sequence != sequence }, failingAt: event.sequence)
            next.history = history
            next.revision = revision
        }
        next.revision += 1
        next.history.append(HistoryEntry(sequence: event.sequence, time: time, actor: event.actor, change: event.change))
        return next
    }
}
