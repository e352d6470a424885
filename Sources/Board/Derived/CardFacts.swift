import Foundation
import EscalationKit

/// What a card says about one escalation at a moment, worked out once for the view.
public struct CardFacts: Hashable, Sendable {
    /// A flag beside the owner; each has a short word so it reads without colour.
    public enum Flag: String, Hashable, Sendable, CaseIterable {
        case updateDue = "upd"
        case stalled = "stall"
        case breachWarning = "warn"
        case pattern = "pat"
        case lint = "lint"

        public var role: Role {
            switch self {
            case .updateDue, .breachWarning: .warning
            case .stalled: .breached
            case .pattern, .lint: .dim
            }
        }
    }

    public var id: EscalationID
    public var account: String
    public var title: String
    public var severity: Severity
    public var arr: String
    public var age: String
    /// "breach in 2h10m" or "breached 3h ago", nil when no clock runs.
    public var clock: String?
    public var clockRole: Role
    public var owner: String?
    public var flags: [Flag]
    /// The wait in force, if any, as "customer 2d": the card shows "⏸ customer 2d" instead of the clock.
    public var waiting: String?
    /// The chain level reached (2 = the second level told) while nobody acknowledges or while
    /// stalled; the card shows "↑2". Nil before the chain's second level.
    public var chainLevel: Int?

    public init(_ e: Escalation, policy: Policy, now: Date) {
        let clocks = Clocks(policy: policy)
        id = e.id
        account = e.account.name
        title = e.title
        severity = e.severity
        arr = e.account.arr.short
        age = DurationText.coarse(now.timeIntervalSince(e.createdAt))
        owner = e.owner.map(policy.people.displayName)
        let readings = clocks.read(e, at: now)
        if let urgent = readings.filter({ $0.isLive && $0.kind != .stall }).min(by: { $0.deadline < $1.deadline }) {
            // Which clock and how long: "ack in 2h", "cust 5d11h late" (fits a card at 80 columns).
            clock = DurationText.clock(urgent, at: now)
            if urgent.remaining(at: now) > 0 {
                clockRole = (urgent.warning ?? 0) >= 0.75 ? .warning : .normal
            } else {
                clockRole = .breached
            }
        } else {
            clock = nil
            clockRole = .dim
        }
        var flags: [Flag] = []
        if readings.contains(where: { ($0.kind == .internalUpdate || $0.kind == .customerUpdate) && $0.isLive && $0.state == .breached }) {
            flags.append(.updateDue)
        }
        if clocks.status(of: e, at: now) == .stalled { flags.append(.stalled) }
        if readings.contains(where: { $0.isLive && $0.state == .running && ($0.warning ?? 0) >= 0.75 && $0.kind != .stall }) {
            flags.append(.breachWarning)
        }
        if e.pattern != nil { flags.append(.pattern) }
        // Placeholder until the brief linter lands: a brief without a specific ask is the most common mistake.
        if e.isOpen, e.brief.ask.text.trimmedSpaces.isEmpty { flags.append(.lint) }
        self.flags = flags
        waiting = clocks.currentWait(of: e, at: now).map { WaitText.label($0, at: now) }
        // Only an unacknowledged or stalled escalation is on a chain: skip the schedule for the rest.
        let onChain = flags.contains(.stalled) || readings.contains { $0.kind == .acknowledge && $0.isLive }
        if onChain, let step = ChainSchedule(policy: policy).reached(by: e, at: now), step.level > 1 { chainLevel = step.level }
    }

    /// The severity's role (its colour).
    public var severityRole: Role {
        switch severity {
        case .critical: .critical
        case .high: .high
        case .medium: .medium
        }
    }
}
