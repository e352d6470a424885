import Foundation

/// One change to one escalation, as the journal records it: the unit of the audit trail.
public struct Event: Hashable, Codable, Sendable {
    /// Position in the store's journal, from 1; assigned by the store when the event is committed.
    public var sequence: Int
    public var time: Date
    /// Who made the change (the login user unless told otherwise).
    public var actor: String
    public var escalation: EscalationID
    /// The escalation's revision the command was checked against (0 for a creation).
    public var expectedRevision: Int
    public var change: Change
    /// The operating-system login of the process that wrote the event (the store sets it; nil in
    /// events written before it was recorded). It differs from `actor` when `ESCALATOR_USER` named someone else.
    public var login: String?

    public init(sequence: Int = 0, time: Date, actor: String, escalation: EscalationID, expectedRevision: Int, change: Change, login: String? = nil) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.escalation = escalation
        self.expectedRevision = expectedRevision
        self.change = change
        self.login = login
    }
}

/// What an event did. Every case carries what is needed to replay it without looking anything up.
public enum Change: Hashable, Codable, Sendable {
    /// A new escalation, routed to its team.
    case created(Draft)
    /// The receiving team confirmed receipt and named an owner.
    case acknowledged(owner: String)
    /// Work began.
    case started
    /// A move backwards through the lifecycle, which always has a reason.
    case movedBack(from: Status, to: Status, reason: String)
    /// Internal progress was logged; `endedStall` is when the stall it ends began, if it was stalled.
    case progressNoted(note: String, endedStall: Date?)
    /// The customer was told something.
    case customerUpdated(note: String)
    case assigned(owner: String)
    /// A severity change; the clocks recompute their deadlines with the new severity's targets, from their original starts (see `Clocks`).
    case severityChanged(from: Severity, to: Severity, reason: String)
    /// A tier change; raising the tier is a re-escalation.
    case tierChanged(from: Tier, to: Tier, reason: String)
    case categoryChanged(from: Category, to: Category, team: String, reason: String)
    case sentimentChanged(Sentiment)
    /// The receiving team delivered a fix or response.
    case resolved(resolution: String)
    /// The CSM confirmed the customer is satisfied: a human decision, never automatic.
    case closed
    /// The pattern key that links the same issue at several customers.
    case linked(pattern: String)
    case deescalated(Deescalation)
    /// The brief, scores or title were edited.
    case edited(Edit)
    /// A compensating event written by undo; names the sequence it undoes.
    case undone(sequence: Int, summary: String)
    /// The escalation waits on someone: the resolve and stall clocks stop (see `Clocks`) until it
    /// resumes, by `waitEnded`, by `until`, or by a customer update where the category says so.
    case waitStarted(on: WaitParty, reason: String, until: Date?)
    /// Someone resumed the wait by hand.
    case waitEnded(reason: String)
}

/// The facts a new escalation starts with.
public struct Draft: Hashable, Codable, Sendable {
    public var title: String
    public var account: Account
    public var category: Category
    public var severity: Severity
    public var suggestedSeverity: Severity?
    public var severityOverrideReason: String?
    public var tier: Tier
    public var team: String
    public var dimensions: Dimensions?
    public var brief: Brief
    public var sentiment: Sentiment
    public var pattern: String?
    public var owner: String?
    public var reopenedFrom: EscalationID?

    public init(title: String, account: Account, category: Category, severity: Severity, suggestedSeverity: Severity? = nil,
                severityOverrideReason: String? = nil, tier: Tier = .standard, team: String, dimensions: Dimensions? = nil,
                brief: Brief = .init(), sentiment: Sentiment = .neutral, pattern: String? = nil, owner: String? = nil,
                reopenedFrom: EscalationID? = nil) {
        self.title = title
        self.account = account
        self.category = category
        self.severity = severity
        self.suggestedSeverity = suggestedSeverity
        self.severityOverrideReason = severityOverrideReason
        self.tier = tier
        self.team = team
        self.dimensions = dimensions
        self.brief = brief
        self.sentiment = sentiment
        self.pattern = pattern
        self.owner = owner
        self.reopenedFrom = reopenedFrom
    }
}

/// A change to what an escalation says rather than where it stands; nil fields are left as they were.
public struct Edit: Hashable, Codable, Sendable {
    public var title: String?
    public var account: Account?
    public var dimensions: Dimensions?
    public var brief: Brief?

    public init(title: String? = nil, account: Account? = nil, dimensions: Dimensions? = nil, brief: Brief? = nil) {
        self.title = title
        self.account = account
        self.dimensions = dimensions
        self.brief = brief
    }
}
