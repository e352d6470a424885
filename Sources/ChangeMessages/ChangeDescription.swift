import EscalationKit
import Foundation

extension Change {
    /// What the change did, as the past participle that follows "was": "resolved", "acknowledged (owner Mike)".
    public var summary: String {
        switch self {
        case .created: "created"
        case .acknowledged(let owner): "acknowledged (owner \(owner))"
        case .started: "started"
        case .movedBack(let from, let to, _): "moved back from \(from.label.lowercased()) to \(to.label.lowercased())"
        case .progressNoted: "given a progress note"
        case .customerUpdated: "given a customer update"
        case .assigned(let owner): "assigned to \(owner)"
        case .severityChanged(let from, let to, _): "changed from \(from.rawValue) to \(to.rawValue) severity"
        case .tierChanged(let from, let to, _): "moved from \(from) to \(to)"
        case .categoryChanged(_, let to, _, _): "recategorised as \(to.label.lowercased())"
        case .sentimentChanged(let s): "marked \(s.rawValue.replacingOccurrences(of: "_", with: " "))"
        case .resolved: "resolved"
        case .closed: "closed"
        case .linked(let pattern): "linked to pattern \(pattern)"
        case .deescalated: "de-escalated"
        case .edited: "edited"
        case .undone(let sequence, _): "reverted (undo of event \(sequence))"
        case .waitStarted(let party, _, _): "put on hold, waiting on \(party.phrase)"
        case .waitEnded: "resumed"
        }
    }
}

/// Short, human durations for "… 20 s ago".
package enum Ago {
    package static func text(from then: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(then).rounded()))
        switch seconds {
        case ..<60: return "\(seconds) s ago"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<172_800: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86_400) days ago"
        }
    }
}

/// Explains a refusal caused by someone else's change made after the command was prepared.
package enum ConflictExplanation {
    /// When the escalation changed after `expectedRevision`, the error becomes a conflict that says
    /// who did what when ("ESC-2026-0012 was resolved by alice 20 s ago"); otherwise it is returned as is.
    package static func explain(_ error: LifecycleError, escalation: Escalation?, expectedRevision: Int, now: Date) -> LifecycleError {
        guard let escalation, expectedRevision > 0, escalation.revision > expectedRevision,
              expectedRevision < escalation.history.count, let last = escalation.history.last else { return error }
        let others = escalation.revision - expectedRevision - 1
        var message = "\(escalation.id) was \(last.change.summary) by \(last.actor) \(Ago.text(from: last.time, to: now))"
        if others > 0 { message += " (after \(others) other change\(others == 1 ? "" : "s") since you looked)" }
        return LifecycleError(.conflict, "\(message). \(error.message)", allowed: error.allowed)
    }
}
