import Foundation

/// Durations as people read them on a card or in a list: "45m", "3h10m", "2d4h", "3w".
public enum DurationText {
    /// The magnitude of `seconds`, in at most two units.
    public static func short(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded())
        let minutes = total / 60, hours = minutes / 60, days = hours / 24
        switch total {
        case ..<60: return "\(total)s"
        case ..<3600: return "\(minutes)m"
        case ..<86400: return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m"
        case ..<(14 * 86400): return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h"
        default: return "\(days / 7)w" + (days % 7 == 0 ? "" : "\(days % 7)d")
        }
    }

    /// The largest unit only, "3d", "5h", "12m", "<1m": what an age on a card needs.
    public static func coarse(_ seconds: TimeInterval) -> String {
        let minutes = Int(abs(seconds)) / 60
        if minutes >= 1440 { return "\(minutes / 1440)d" }
        if minutes >= 60 { return "\(minutes / 60)h" }
        return minutes > 0 ? "\(minutes)m" : "<1m"
    }

    /// "in 2h10m" before the deadline, "2h10m ago" after it.
    public static func relative(_ deadline: Date, from now: Date) -> String {
        let delta = deadline.timeIntervalSince(now)
        return delta >= 0 ? "in \(short(delta))" : "\(short(delta)) ago"
    }

    /// What a clock says on a card or in a list, in at most 17 columns: "ack in 2h", "cust 5d11h late".
    public static func clock(_ reading: ClockReading, at now: Date) -> String {
        let delta = reading.deadline.timeIntervalSince(now)
        return delta >= 0 ? "\(name(reading.kind)) in \(short(delta))" : "\(name(reading.kind)) \(short(delta)) late"
    }

    /// The clock's short name: ack, resolve, update, cust, stall.
    public static func name(_ kind: ClockKind) -> String {
        switch kind {
        case .acknowledge: "ack"
        case .resolve: "resolve"
        case .internalUpdate: "update"
        case .customerUpdate: "cust"
        case .stall: "stall"
        }
    }
}
