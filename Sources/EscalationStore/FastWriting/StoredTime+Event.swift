import EscalationKit
import Foundation
import Invocation

/// An event with every time as the store keeps it, so the value in memory after a commit is the
/// value replay reads from disk, without reading the written line back.
extension StoredTime {
    /// Nil when a time is beyond what `FastTime` writes (the caller reads the line back instead).
    static func canonical(_ event: Event) -> Event? {
        var event = event
        guard let time = canonical(event.time) else { return nil }
        event.time = time
        switch event.change {
        case .created(var draft):
            guard let brief = canonical(draft.brief) else { return nil }
            draft.brief = brief
            event.change = .created(draft)
        case .progressNoted(let note, let endedStall?):
            guard let ended = canonical(endedStall) else { return nil }
            event.change = .progressNoted(note: note, endedStall: ended)
        case .waitStarted(let party, let reason, let until?):
            guard let rounded = canonical(until) else { return nil }
            event.change = .waitStarted(on: party, reason: reason, until: rounded)
        case .edited(var edit):
            if let brief = edit.brief {
                guard let rounded = canonical(brief) else { return nil }
                edit.brief = rounded
            }
            event.change = .edited(edit)
        case .acknowledged, .started, .movedBack, .progressNoted, .customerUpdated, .assigned, .severityChanged, .tierChanged,
             .categoryChanged, .sentimentChanged, .resolved, .closed, .linked, .deescalated, .undone, .waitStarted, .waitEnded:
            break
        }
        return event
    }

    private static func canonical(_ brief: Brief) -> Brief? {
        var brief = brief
        if let at = brief.communication.lastUpdateAt {
            guard let rounded = canonical(at) else { return nil }
            brief.communication.lastUpdateAt = rounded
        }
        if let deadline = brief.ask.deadline {
            guard let rounded = canonical(deadline) else { return nil }
            brief.ask.deadline = rounded
        }
        return brief
    }
}
