import Foundation

/// What someone asks to do to an escalation. The lifecycle turns a command into one `Change`, or refuses it.
public enum Command: Hashable, Sendable {
    case create(Draft)
    case acknowledge(owner: String)
    case start
    /// To the next status in the lifecycle; resolving needs a resolution note.
    case advance(resolution: String?)
    case back(reason: String)
    case note(String)
    case customerUpdate(String)
    case assign(owner: String)
    case severity(Severity, reason: String)
    case tier(Tier, reason: String)
    case category(Category, reason: String)
    case sentiment(Sentiment)
    case resolve(resolution: String)
    case close
    /// Reopens a closed escalation as a new, linked one.
    case reopen(reason: String)
    case link(pattern: String)
    case deescalate(Deescalation)
    case edit(Edit)
    /// Compensates the actor's own event with this sequence number.
    case undo(sequence: Int)
    /// Stops the resolve and stall clocks while waiting on someone, until resumed (or `until`).
    case wait(on: WaitParty, reason: String, until: Date?)
    case resume(reason: String)

    /// The verb a person would use, for messages ("cannot acknowledge").
    public var verb: String {
        switch self {
        case .create: "create"
        case .acknowledge: "acknowledge"
        case .start: "start"
        case .advance: "advance"
        case .back: "move back"
        case .note: "log progress on"
        case .customerUpdate: "log a customer update on"
        case .assign: "assign"
        case .severity: "change the severity of"
        case .tier: "change the tier of"
        case .category: "change the category of"
        case .sentiment: "change the sentiment of"
        case .resolve: "resolve"
        case .close: "close"
        case .reopen: "reopen"
        case .link: "link"
        case .deescalate: "de-escalate"
        case .edit: "edit"
        case .undo: "undo"
        case .wait: "put on hold"
        case .resume: "resume"
        }
    }
}

/// Why a command was refused, with what is allowed instead.
public struct LifecycleError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The move is not allowed from the current status.
        case illegalTransition
        /// A required field (owner, reason, resolution) is missing or empty.
        case missingField
        /// A value is not acceptable (unknown id, out of range, unsafe text).
        case invalidValue
        /// The escalation changed since the command was prepared, and the change makes it illegal.
        case conflict
    }

    public var kind: Kind
    public var message: String
    /// The commands allowed from here, as verbs, when the kind is illegalTransition.
    public var allowed: [String]

    public init(_ kind: Kind, _ message: String, allowed: [String] = []) {
        self.kind = kind
        self.message = message
        self.allowed = allowed
    }

    public var description: String {
        allowed.isEmpty ? message : "\(message) Allowed from here: \(allowed.joined(separator: ", "))."
    }
}
