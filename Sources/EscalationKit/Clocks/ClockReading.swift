import Foundation

/// The clocks an escalation runs against (domain.md §3, §4). Each declares when it starts, what stops
/// it and which states pause it:
/// - acknowledge: from routing until acknowledged; the stricter of the category's and the tier's target.
/// - resolve: from routing until resolved; paused in no state.
/// - internal update: from the last progress note, every cadence interval, while acknowledged, in progress or stalled.
/// - customer update: from the last customer update (or routing), while the escalation is open.
/// - stall: from the last progress, while acknowledged or in progress; when it runs out the escalation is Stalled.
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
