import Foundation

/// The routing rules: every number of domain.md as data, so a team changes them in its
/// configuration file, not in code. `Policy.standard` holds domain.md's defaults.
public struct Policy: Hashable, Sendable {
    public var calendar: BusinessCalendar
    public var categories: [Category: CategoryRule]
    public var tiers: [Tier: TierRule]
    /// Which time each severity's targets count (default: critical calendar time, the rest business time).
    public var timeBasis: [Severity: TimeBasis]
    public var stall: StallRule
    public var cadence: [Severity: Cadence]
    /// Fractions of a clock's target at which a breach warning is raised (default 50 %, 75 %, 100 %).
    public var warningThresholds: [Double]
    /// Closed escalations older than this many days move to the archive.
    public var archiveAfterDays: Int
    /// Closed escalations stay on the board (and in `list`) this many days.
    public var recentlyClosedDays: Int
    public var teams: [String: Team]
    /// The people, each once: owners are their logins (see `OwnerMatch` for how names are found).
    public var people: Roster
    public var scoring: ScoringBands
    /// Hook commands per notification kind (e.g. "routed" → ["/usr/local/bin/notify-slack"]).
    public var hooks: [String: [String]]
    public var hookTimeoutSeconds: Int
    /// `hooks.log` is rotated (one previous file kept) when it would pass this size.
    public var hookLogLimitKilobytes = 1024
    /// A failed delivery is retried with growing pauses for this long after it was queued, then marked dead.
    public var hookRetryHours = 24
    /// Who is told, in turn, when nobody acknowledges: per category, else `defaultChain`.
    public var chains: [Category: EscalationChain] = [:]
    public var defaultChain = EscalationChain.standard

    public func chain(for category: Category) -> EscalationChain { chains[category] ?? defaultChain }

    public init(calendar: BusinessCalendar, categories: [Category: CategoryRule], tiers: [Tier: TierRule],
                timeBasis: [Severity: TimeBasis], stall: StallRule, cadence: [Severity: Cadence],
                warningThresholds: [Double], archiveAfterDays: Int, recentlyClosedDays: Int,
                teams: [String: Team], people: Roster = Roster(), scoring: ScoringBands, hooks: [String: [String]], hookTimeoutSeconds: Int) {
        self.calendar = calendar
        self.categories = categories
        self.tiers = tiers
        self.timeBasis = timeBasis
        self.stall = stall
        self.cadence = cadence
        self.warningThresholds = warningThresholds
        self.archiveAfterDays = archiveAfterDays
        self.recentlyClosedDays = recentlyClosedDays
        self.teams = teams
        self.people = people
        self.scoring = scoring
        self.hooks = hooks
        self.hookTimeoutSeconds = hookTimeoutSeconds
    }

    /// The rule for a category (every category has one; validation guarantees it).
    public func rule(for category: Category) -> CategoryRule {
        categories[category] ?? Policy.standard.categories[category]!
    }

    public func basis(for severity: Severity) -> TimeBasis {
        timeBasis[severity] ?? (severity == .critical ? .calendar : .business)
    }
}

/// Where a category goes and how fast it must be answered (domain.md §1).
public struct CategoryRule: Hashable, Sendable {
    /// The team it routes to (a key of `Policy.teams`).
    public var team: String
    /// Who else is informed, never routed to.
    public var informed: [String]
    public var acknowledge: SLATarget
    /// Resolve (or respond) targets per severity.
    public var resolve: [Severity: SLATarget]
    /// What "resolve" means for this category, e.g. "decision on approach".
    public var resolveMeaning: String
    /// Security bypasses every tier: acknowledged within its own target, whatever the tier.
    public var bypassesTiers: Bool
    /// Overrides the severity's time basis for this category's targets when set.
    public var basis: TimeBasis?
    /// Which clocks stop while the escalation waits on someone, and what ends a wait.
    public var waiting: WaitRule

    public init(team: String, informed: [String] = [], acknowledge: SLATarget, resolve: [Severity: SLATarget],
                resolveMeaning: String, bypassesTiers: Bool = false, basis: TimeBasis? = nil, waiting: WaitRule = WaitRule()) {
        self.waiting = waiting
        self.team = team
        self.informed = informed
        self.acknowledge = acknowledge
        self.resolve = resolve
        self.resolveMeaning = resolveMeaning
        self.bypassesTiers = bypassesTiers
        self.basis = basis
    }
}

/// A tier's response target and who responds (seed 003).
public struct TierRule: Hashable, Sendable {
    public var name: String
    public var response: SLATarget
    public var stakeholders: String

    public init(name: String, response: SLATarget, stakeholders: String) {
        self.name = name
        self.response = response
        self.stakeholders = stakeholders
    }
}

/// When no progress means Stalled: 48 h for critical, 5 business days otherwise (seed 000).
public struct StallRule: Hashable, Sendable {
    public var critical: SLATarget
    public var criticalBasis: TimeBasis
    public var other: SLATarget
    public var otherBasis: TimeBasis

    public init(critical: SLATarget, criticalBasis: TimeBasis, other: SLATarget, otherBasis: TimeBasis) {
        self.critical = critical
        self.criticalBasis = criticalBasis
        self.other = other
        self.otherBasis = otherBasis
    }
}

/// How often the team must hear about progress and the customer must hear from us (seed 001).
public struct Cadence: Hashable, Sendable {
    public var internalEvery: SLATarget
    /// The customer update is due at the earliest bound and overdue at the latest ("every 2–4 hours").
    public var customerEvery: SLATarget
    public var customerAtMost: SLATarget

    public init(internalEvery: SLATarget, customerEvery: SLATarget, customerAtMost: SLATarget) {
        self.internalEvery = internalEvery
        self.customerEvery = customerEvery
        self.customerAtMost = customerAtMost
    }
}

/// A team in the roster: who leads it, who is in it, how to reach it.
public struct Team: Hashable, Sendable {
    public var name: String
    public var lead: String
    public var members: [String]
    public var channel: String

    public init(name: String, lead: String = "", members: [String] = [], channel: String = "") {
        self.name = name
        self.lead = lead
        self.members = members
        self.channel = channel
    }
}

/// The upper edges of seed 002's decision bands: 4–8 handle, 9–13 support, 14–17 urgency, 18–20 immediately.
public struct ScoringBands: Hashable, Sendable {
    public var handleUpTo: Int
    public var supportUpTo: Int
    public var urgencyUpTo: Int
    /// ARR (whole units, compared as-is) above which account value is suggested as 5, and below which it is 1.
    public var highValueARR: Int
    public var lowValueARR: Int

    public init(handleUpTo: Int = 8, supportUpTo: Int = 13, urgencyUpTo: Int = 17, highValueARR: Int = 50_000, lowValueARR: Int = 10_000) {
        self.handleUpTo = handleUpTo
        self.supportUpTo = supportUpTo
        self.urgencyUpTo = urgencyUpTo
        self.highValueARR = highValueARR
        self.lowValueARR = lowValueARR
    }
}
