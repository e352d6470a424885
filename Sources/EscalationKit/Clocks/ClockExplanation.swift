import Foundation

/// Why one clock of one escalation reads as it does: the rule behind its target, what it counted and
/// skipped, what pauses it, and how severity, tier and category changes moved its deadline.
/// `lines` is the text of `escalator explain ID`; the value itself is the `--json` form.
public struct ClockExplanation: Hashable, Codable, Sendable, EveryKeyEncodable {
    public var kind: ClockKind
    public var state: ClockState
    /// Which rule chose the target, in one line.
    public var rule: String
    public var target: SLATarget
    public var basis: TimeBasis
    /// The calendar's IANA time zone, in which every local time is read.
    public var timeZone: String
    public var start: Date
    /// What the start is, in words ("routing", "the last progress logged …").
    public var startsAt: String
    public var deadline: Date
    public var stoppedAt: Date?
    /// Share of the target used at the moment of explanation.
    public var used: Double
    /// The moment of explanation.
    public var explainedAt: Date = .distantPast
    public var warning: Double?
    /// The time between start and deadline as the clock counts it: working intervals and skipped days
    /// for business time, one interval for calendar time.
    public var counted: WorkingBreakdown
    public var runsIn: [Status]
    public var pausedIn: [Status]
    /// The stretches of the escalation's history spent in a state that pauses this clock.
    public var pauses: [Pause]
    /// Every severity, tier or category change, with the deadline before and after it.
    public var deadlineHistory: [DeadlineChange]
    /// Every wait that stopped this clock, with the deadline before and after it.
    public var waits: [WaitEffect] = []
    /// The names of the holidays skipped, by day ("2026-12-25": "Christmas Day"), where the calendar names them.
    public var holidayNames: [String: String] = [:]

    /// One wait and how it moved the deadline: `newDeadline` is nil while the wait lasts (the deadline
    /// then is where the clock ends if resumed now); `counted` is what the clock did not count.
    public struct WaitEffect: Hashable, Codable, Sendable {
        public var wait: WaitInterval
        public var oldDeadline: Date?
        public var newDeadline: Date?
    }

    /// A stretch of time spent in a pausing state; `until` is nil while it lasts.
    public struct Pause: Hashable, Codable, Sendable, EveryKeyEncodable {
        public var status: Status
        public var from: Date
        public var until: Date?
    }

    /// One recomputation: the change, who made it, and the deadline it moved (nil where the clock did not apply).
    public struct DeadlineChange: Hashable, Codable, Sendable, EveryKeyEncodable {
        public var time: Date
        public var actor: String
        /// "severity high → critical", "Tier 1 → Tier 3", "category feature_gap → product_defect".
        public var change: String
        public var reason: String
        public var oldDeadline: Date?
        public var newDeadline: Date?
    }

    /// The explanation as indented text lines, local times in the calendar's zone.
    public var lines: [String] {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        func at(_ date: Date) -> String { WallClockText.moment(date, in: zone) }
        var out: [String] = []
        var heading = "\(kind.label): \(state.rawValue), \(Int((used * 100).rounded()))% used"
        if let warning { heading += " (warning at \(Int((warning * 100).rounded()))%)" }
        out.append(heading)
        out.append("  rule: \(rule)")
        out.append("  target: \(target.phrase(basis)) (\(basis.rawValue) time, \(timeZone))")
        out.append("  start: \(at(start)), from \(startsAt)")
        out.append("  deadline: \(at(deadline))")
        if let stoppedAt { out.append("  stopped: \(at(stoppedAt))") }
        let plural = counted.intervalCount == 1 ? "" : "s"
        out.append("  counted: \(WallClockText.duration(counted.workingSeconds)) in \(counted.intervalCount) interval\(plural)")
        for interval in counted.intervals {
            out.append("    \(WallClockText.interval(interval, in: zone)) (\(WallClockText.duration(interval.duration)))")
        }
        if counted.intervalCount > counted.intervals.count {
            out.append("    … and \(counted.intervalCount - counted.intervals.count) more")
        }
        if !counted.holidays.isEmpty {
            let named = counted.holidays.map { day in holidayNames[day.description].map { "\(day) (\(SafeText.neutralized($0)))" } ?? day.description }
            out.append("  holidays skipped: \(named.joined(separator: ", "))")
        }
        if !counted.nonWorkingDays.isEmpty {
            out.append("  non-working days skipped: \(counted.nonWorkingDays.map(\.description).joined(separator: ", "))")
        }
        out.append("  runs in: \(runsIn.map(\.label).joined(separator: ", ")); paused in: "
            + (pausedIn.isEmpty ? "none" : pausedIn.map(\.label).joined(separator: ", ")))
        for pause in pauses {
            out.append("    paused (\(pause.status.label)) from \(at(pause.from))" + (pause.until.map { " to \(at($0))" } ?? ", still paused"))
        }
        if !waits.isEmpty {
            out.append("  waits (the clock stops while waiting):")
            for effect in waits {
                let old = effect.oldDeadline.map(at) ?? "none"
                let new = effect.newDeadline.map(at) ?? "moves until the wait ends"
                out.append("    \(WaitText.line(effect.wait, at: explainedAt, policy: nil, zone: zone))")
                out.append("      deadline \(old) → \(new)")
            }
        }
        if !deadlineHistory.isEmpty {
            out.append("  deadline history:")
            for change in deadlineHistory {
                let old = change.oldDeadline.map(at) ?? "none"
                let new = change.newDeadline.map(at) ?? "none"
                out.append("    \(at(change.time)) \(change.actor): \(change.change) (\(change.reason)): \(old) → \(new)")
            }
        }
        return out
    }
}
