import Foundation

/// The clocks an escalation runs against (domain.md §3, §4). Each declares when it starts, what
/// stops it and which states pause it. A paused clock is read with state `.paused` and counts nothing
/// more; the internal-update and stall clocks resume from the event that resumed them (a move or an
/// acknowledgement is progress), the customer-update clock from the last customer update:
/// - acknowledge: from routing (or the last move back to Routed) until acknowledged; runs only in
///   Routed; the stricter of the category's and the tier's target.
/// - resolve: from routing until resolved; runs in every open state, paused in none.
/// - internal update: from the last progress logged (note, acknowledgement, start or move), restarting
///   at each note; runs while Acknowledged, In progress or Stalled; paused while Routed (nobody owns
///   it yet); ends with resolution.
/// - customer update: from the last customer update (or routing), restarting at each update; runs in
///   every open state; paused while Resolved (the customer is asked to confirm); ends with closure.
/// - stall: from the last progress logged; runs while Acknowledged or In progress; paused while Routed;
///   ends with resolution. When it runs out the escalation reads as Stalled (`Clocks.status(of:at:)`).
public enum ClockKind: String, CaseIterable, Codable, Sendable {
    case acknowledge
    case resolve
    case internalUpdate = "internal_update"
    case customerUpdate = "customer_update"
    case stall

    public var label: String {
        switch self {
        case .acknowledge: "Acknowledge"
        case .resolve: "Resolve"
        case .internalUpdate: "Internal update"
        case .customerUpdate: "Customer update"
        case .stall: "Stall"
        }
    }

    /// The recorded states in which the clock counts (Stalled is derived, so it counts where In progress does).
    public var runsIn: [Status] {
        switch self {
        case .acknowledge: [.routed]
        case .resolve, .customerUpdate: [.routed, .acknowledged, .inProgress, .stalled]
        case .internalUpdate: [.acknowledged, .inProgress, .stalled]
        case .stall: [.acknowledged, .inProgress]
        }
    }

    /// The states in which the clock is read but counts nothing.
    public var pausedIn: [Status] {
        switch self {
        case .acknowledge, .resolve: []
        case .internalUpdate, .stall: [.routed]
        case .customerUpdate: [.resolved]
        }
    }

    /// What starts it, in words, for explanations.
    public var startsAt: String {
        switch self {
        case .acknowledge: "routing (or the last move back to Routed)"
        case .resolve: "routing"
        case .internalUpdate: "the last progress logged (note, acknowledgement, start or move)"
        case .customerUpdate: "the last customer update (or routing)"
        case .stall: "the last progress logged (note, acknowledgement, start or move)"
        }
    }

    /// What stops it, in words, for explanations.
    public var stopsAt: String {
        switch self {
        case .acknowledge: "acknowledgement"
        case .resolve: "resolution"
        case .internalUpdate: "each progress note (restarts); resolution (ends)"
        case .customerUpdate: "each customer update (restarts); closure (ends)"
        case .stall: "each progress (restarts); resolution (ends)"
        }
    }
}

/// Where a clock stands at a given moment.
public enum ClockState: String, Codable, Sendable {
    /// Counting towards its deadline.
    case running
    /// Not counting in the escalation's current state.
    case paused
    /// Stopped before its deadline.
    case met
    /// Its deadline has passed (still running) or it stopped after its deadline.
    case breached
}

/// One clock of one escalation, read at one moment.
public struct ClockReading: Hashable, Codable, Sendable {
    public var kind: ClockKind
    public var state: ClockState
    /// When it started counting.
    public var start: Date
    public var deadline: Date
    /// When it stopped (met or breached after stopping); nil while running.
    public var stoppedAt: Date?
    public var target: SLATarget
    public var basis: TimeBasis
    /// Share of the target used so far (1.0 = at the deadline), counted in the clock's basis.
    public var used: Double
    /// The highest warning threshold crossed (0.5, 0.75, 1.0 by default), if any.
    public var warning: Double?
    /// Which rule chose the target, in one line ("category product_defect: 4h; tier 1: 4h; stricter wins").
    public var rule: String
    /// True when it is paused because the escalation waits on someone (not by its status).
    public var pausedByWait = false

    public init(kind: ClockKind, state: ClockState, start: Date, deadline: Date, stoppedAt: Date? = nil, target: SLATarget,
                basis: TimeBasis, used: Double, warning: Double?, rule: String) {
        self.kind = kind
        self.state = state
        self.start = start
        self.deadline = deadline
        self.stoppedAt = stoppedAt
        self.target = target
        self.basis = basis
        self.used = used
        self.warning = warning
        self.rule = rule
    }

    /// Seconds until the deadline (negative once breached), measured on the wall clock.
    public func remaining(at now: Date) -> TimeInterval { deadline.timeIntervalSince(now) }

    /// True for a clock that is counting or has run out while still counting.
    public var isLive: Bool { stoppedAt == nil && state != .paused }
}
