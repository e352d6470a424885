import EscalationKit

/// The user's own changes committed from this board, newest last: what `z` can take back.
public struct UndoMemory: Hashable, Sendable {
    /// One committed change of the user's.
    public struct Entry: Hashable, Sendable {
        public var sequence: Int
        public var escalation: EscalationID
    }

    public internal(set) var entries: [Entry] = []
    /// Older changes than this are forgotten.
    static let limit = 20

    public init() {}
}

extension BoardState {
    /// Remembers a change the board committed; a creation cannot be undone and an undo is not undone again.
    mutating func rememberOwn(_ event: Event) {
        switch event.change {
        case .created, .undone: return
        default: break
        }
        undoMemory.entries.append(.init(sequence: event.sequence, escalation: event.escalation))
        if undoMemory.entries.count > UndoMemory.limit { undoMemory.entries.removeFirst() }
    }

    /// Takes back the newest remembered change as a new compensating event (the history keeps both).
    mutating func undoLast() -> [Effect] {
        guard let last = undoMemory.entries.popLast() else {
            message = Message("Nothing of yours to undo from this board.", isError: true)
            return []
        }
        return [.commit([.undo(sequence: last.sequence)], last.escalation)]
    }
}
