import EscalationKit

/// What is shown over the board: the escalation form, a brief, the reports or the message history.
public enum Sheet: Hashable, Sendable {
    case form(EscalationForm)
    case brief(BriefSheet)
    case reports(ReportsSheet)
    case messages(MessagesSheet)
}

/// The message history (`m`): every status-line message of this session, newest first, whole.
public struct MessagesSheet: Hashable, Sendable {
    public var scroll = 0
    public init() {}
}

/// The sheet on screen, if any, and the card the cursor lands on once a saved escalation reaches the board.
public struct Sheets: Hashable, Sendable {
    public var current: Sheet?
    /// A created escalation the cursor should jump to as soon as the ledger has it.
    public var landOn: EscalationID?

    public init(current: Sheet? = nil, landOn: EscalationID? = nil) {
        self.current = current
        self.landOn = landOn
    }

    /// The form, when the sheet is one.
    public var form: EscalationForm? {
        get { if case .form(let f) = current { f } else { nil } }
        set { if let newValue { current = .form(newValue) } }
    }
}

/// What `$EDITOR` gave back.
public enum TextEditOutcome: Hashable, Sendable {
    /// The file's text after the editor exited successfully.
    case edited(String)
    /// Why the editor could not be used; the text typed so far is kept.
    case failed(String)
}
