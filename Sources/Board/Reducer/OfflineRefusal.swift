import EscalationKit

extension BoardState {
    /// The status line's words for a change asked for while the store's connection is lost.
    public static let offlineRefusal = "Offline — reconnecting to the store: nothing was saved. Try again once the header says live."

    /// A commit asked for while offline is refused at once, never queued for later: the form stays
    /// open with what was typed, a prompt's answer is offered again next time, and undo keeps its entry.
    mutating func refuseOffline(fromForm: Bool, undoBefore: UndoMemory) {
        undoMemory = undoBefore
        if fromForm { sheetCommitFailed() }
        message = Message(Self.offlineRefusal, isError: true)
    }
}

extension Effect {
    var isCommit: Bool {
        if case .commit = self { return true }
        return false
    }
}
