import EscalationKit

/// One line of plain words for a change: the status line after a commit and the detail view's history.
public enum ChangeText {
    /// Owners show by their roster names.
    public static func summary(_ change: Change, people: Roster = Roster()) -> String {
        switch change {
        case .created(let d): "opened (\(d.severity.rawValue), \(d.category.key)) for \(d.account.name)"
        case .acknowledged(let owner): "acknowledged, owner \(people.displayName(owner))"
        case .started: "work started"
        case .movedBack(let from, let to, let reason): "moved back \(from.label) → \(to.label): \(reason)"
        case .progressNoted(let note, let endedStall): (endedStall != nil ? "progress (ended a stall): " : "progress: ") + note
        case .customerUpdated(let note): "customer told: \(note)"
        case .assigned(let owner): "assigned to \(people.displayName(owner))"
        case .severityChanged(let from, let to, let reason): "severity \(from.rawValue) → \(to.rawValue): \(reason)"
        case .tierChanged(let from, let to, let reason): "\(from) → \(to): \(reason)"
        case .categoryChanged(let from, let to, _, let reason): "category \(from.key) → \(to.key): \(reason)"
        case .sentimentChanged(let s): "sentiment \(s.rawValue)"
        case .resolved(let resolution): "resolved: \(resolution)"
        case .closed: "closed"
        case .linked(let pattern): "linked to pattern \(pattern)"
        case .deescalated: "de-escalated"
        case .edited: "brief edited"
        case .undone(let sequence, let summary): "undid #\(sequence): \(summary)"
        case .waitStarted(let party, let reason, _): "on hold, waiting on \(party.phrase): \(reason)"
        case .waitEnded(let reason): "resumed: \(reason)"
        }
    }
}
