import Foundation

/// Who an escalation is waiting on while its clocks stop (`escalator wait ID --on customer|vendor|internal`).
public enum WaitParty: String, CaseIterable, Codable, Sendable {
    /// The customer owes something (logs, a test, a decision).
    case customer
    /// A third party owes something (a supplier, a cloud provider).
    case vendor
    /// Another internal team owes something outside this escalation's routing.
    case `internal`

    /// "the customer", "a vendor", "an internal team": the object of "waiting on".
    public var phrase: String {
        switch self {
        case .customer: "the customer"
        case .vendor: "a vendor"
        case .internal: "an internal team"
        }
    }
}

/// One wait as the history records it: who it waits on, why, and what ended it. Whether it has
/// ended by now is read with `Clocks.waitIntervals(of:)`: an `until` that has passed and, where the
/// category says so, a customer update on a wait on the customer end it without an event, the way
/// a stall is read from the clock.
public struct WaitSpan: Hashable, Codable, Sendable {
    public var party: WaitParty
    public var reason: String
    public var actor: String
    public var from: Date
    /// When it resumes by itself (`--until`).
    public var until: Date?
    /// An explicit resume, or the resolution (which ends every wait).
    public var resumedAt: Date?
    public var resumeReason: String?
    /// True when the resolution (or closure) ended it, not a person.
    public var endedByResolution = false
    /// The first customer update logged during a wait on the customer.
    public var customerUpdateAt: Date?

    public init(party: WaitParty, reason: String, actor: String, from: Date, until: Date? = nil, resumedAt: Date? = nil,
                resumeReason: String? = nil, customerUpdateAt: Date? = nil) {
        self.party = party
        self.reason = reason
        self.actor = actor
        self.from = from
        self.until = until
        self.resumedAt = resumedAt
        self.resumeReason = resumeReason
        self.customerUpdateAt = customerUpdateAt
    }
}

/// What the category's rules say about waiting (`[categories.X] waiting = { … }`).
public struct WaitRule: Hashable, Sendable {
    /// True: the internal update cadence stops while waiting too (the resolve and stall clocks always stop).
    public var pausesInternalUpdates: Bool
    /// True: a customer update logged while waiting on the customer ends the wait.
    public var customerUpdateResumes: Bool

    public init(pausesInternalUpdates: Bool = true, customerUpdateResumes: Bool = true) {
        self.pausesInternalUpdates = pausesInternalUpdates
        self.customerUpdateResumes = customerUpdateResumes
    }
}

/// A wait as the clocks count it: when it began, when it ended (nil while it lasts) and why it ended.
public struct WaitInterval: Hashable, Codable, Sendable {
    public enum Ending: String, Codable, Sendable {
        /// Someone resumed it (`escalator resume`), with a reason.
        case resumed
        /// Its `--until` came.
        case until
        /// The customer update that answered a wait on the customer.
        case customerUpdate = "customer_update"
        /// The escalation was resolved.
        case resolution
    }

    public var party: WaitParty
    public var reason: String
    public var actor: String
    public var from: Date
    public var until: Date?
    public var endedBy: Ending?
    public var resumeReason: String?

    /// True when `now` lies inside the wait.
    public func contains(_ now: Date) -> Bool { from <= now && (until.map { now < $0 } ?? true) }

    /// Seconds of wall-clock time it lasted up to `now`.
    public func duration(at now: Date) -> TimeInterval { max(0, min(until ?? now, now).timeIntervalSince(from)) }
}
