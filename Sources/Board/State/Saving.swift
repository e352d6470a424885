import EscalationKit

/// The commits sent to the store and not answered yet, oldest first. The store answers them one at
/// a time in the order they were sent, so every answer is the oldest's. Nothing of a pending commit
/// is shown on the cards: they change when the store confirms it, and a refusal leaves them as they were.
public struct Saving: Hashable, Sendable {
    /// One commit on its way.
    public struct Pending: Hashable, Sendable {
        public var commands: [Command]
        public var escalation: EscalationID?
        /// Sent by the form, which stays open until this is answered.
        public var fromForm: Bool
    }

    public internal(set) var pending: [Pending] = []
    /// Who holds the store's lock that the oldest commit waits for, once it has waited a moment.
    public internal(set) var waitingFor: String?

    public init() {}

    public var isEmpty: Bool { pending.isEmpty }

    /// The status line's words while anything is pending: "saving…", with whom it waits for.
    public func status(unicode: Bool) -> String? {
        guard !pending.isEmpty else { return nil }
        let saving = unicode ? "saving…" : "saving..."
        let more = pending.count > 1 ? " \(pending.count) changes" : ""
        return saving + more + (waitingFor.map { " (waiting for \($0))" } ?? "")
    }

    mutating func sent(_ commands: [Command], on escalation: EscalationID?, fromForm: Bool) {
        pending.append(Pending(commands: commands, escalation: escalation, fromForm: fromForm))
    }

    /// The oldest pending commit, now answered; nil when none was pending.
    mutating func answered() -> Pending? {
        guard !pending.isEmpty else { return nil }
        waitingFor = nil
        return pending.removeFirst()
    }

    mutating func waiting(for holder: String) {
        guard !pending.isEmpty else { return }
        waitingFor = holder
    }
}
