import Foundation

/// One customer escalation: the account, the brief, where it stands and everything that happened to it.
///
/// An escalation is only ever changed by applying an `Event` (see `Escalation.applying(_:)`), so its
/// state is always the replay of its history.
public struct Escalation: Hashable, Codable, Sendable, Identifiable {
    public var id: EscalationID
    public var title: String
    public var account: Account
    public var category: Category
    public var severity: Severity
    /// The severity the score suggested, kept to show that (and why) the CSM overrode it.
    public var suggestedSeverity: Severity?
    public var severityOverrideReason: String?
    public var tier: Tier
    /// The recorded status. Stalled is never recorded: it is read from the clock (see `Clocks`).
    public var status: Status
    public var owner: String?
    public var reporter: String
    /// The team the escalation is routed to (one primary target, seed 002).
    public var team: String
    public var dimensions: Dimensions?
    public var brief: Brief
    public var sentiment: Sentiment
    /// Key shared by escalations that are the same issue at several customers.
    public var pattern: String?
    /// The escalation this one reopens, when it was opened by `reopen`.
    public var reopenedFrom: EscalationID?
    public var resolution: String?
    public var deescalation: Deescalation?

    public var createdAt: Date
    public var acknowledgedAt: Date?
    public var startedAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// Last progress note, acknowledgement or start: what the stall clock counts from.
    public var lastProgressAt: Date
    /// Last internal follow-up (progress note): what the internal cadence counts from.
    public var lastInternalUpdateAt: Date
    /// Last update sent to the customer: what the customer cadence counts from.
    public var lastCustomerUpdateAt: Date?
    /// How many times the escalation stalled and was brought back by progress.
    public var stallEpisodes: Int
    /// Every wait, in time order (see `Clocks.waitIntervals(of:)` for whether one has ended by now).
    public var waits: [WaitSpan] = []
    /// Number of events applied; a command names the revision it saw.
    public var revision: Int
    public var history: [HistoryEntry]

    /// True until resolved or closed.
    public var isOpen: Bool { status.isActive }
}

/// A line of an escalation's audit trail.
public struct HistoryEntry: Hashable, Codable, Sendable {
    public var sequence: Int
    public var time: Date
    public var actor: String
    public var change: Change
    /// Who really acted, when recorded (see `Event.login`).
    public var login: String?

    public init(sequence: Int, time: Date, actor: String, change: Change, login: String? = nil) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.change = change
        self.login = login
    }

    /// The actor as the trail shows it: "alice", or "alice (by bob)" when the login bob acted as alice.
    public var who: String {
        guard let login, login != actor else { return actor }
        return "\(actor) (by \(login))"
    }
}

/// What was established when an escalation was de-escalated (seed 001, seed 003).
public struct Deescalation: Hashable, Codable, Sendable {
    public var rootCause: String
    public var fixApplied: String
    public var customerConfirmed: Bool
    public var monitoringComplete: Bool
    public var learning: String

    public init(rootCause: String = "", fixApplied: String = "", customerConfirmed: Bool = false,
                monitoringComplete: Bool = false, learning: String = "") {
        self.rootCause = rootCause
        self.fixApplied = fixApplied
        self.customerConfirmed = customerConfirmed
        self.monitoringComplete = monitoringComplete
        self.learning = learning
    }
}
