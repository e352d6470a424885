import Foundation

/// Durations as a card shows them: "2h10m", "3d4h", "45m", "<1m".
public enum Durations {
    public static func short(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds)) / 60
        let days = total / 1440, hours = (total % 1440) / 60, minutes = total % 60
        if days > 0 { return hours > 0 ? "\(days)d\(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h\(minutes)m" : "\(hours)h" }
        return minutes > 0 ? "\(minutes)m" : "<1m"
    }

    /// The largest unit only: "3d", "5h", "12m": what an age needs.
    public static func coarse(_ seconds: TimeInterval) -> String {
        let minutes = Int(abs(seconds)) / 60
        if minutes >= 1440 { return "\(minutes / 1440)d" }
        if minutes >= 60 { return "\(minutes / 60)h" }
        return minutes > 0 ? "\(minutes)m" : "<1m"
    }
}
