import Foundation
import Invocation

/// A time as the store keeps it: to the millisecond, rounded to nearest (what `FastTime` writes and reads back).
enum StoredTime {
    /// Milliseconds since 1970, or nil where `FastTime` does not write the time itself.
    static func milliseconds(_ date: Date) -> Int64? {
        let exact = date.timeIntervalSince1970 * 1000
        guard exact.isFinite, abs(exact) < 3e14 else { return nil }
        return Int64(exact.rounded())
    }

    /// The time replay will read back for `date`, computed as `FastTime.parse` computes it.
    static func canonical(_ date: Date) -> Date? {
        guard let millis = milliseconds(date) else { return nil }
        return Date(timeIntervalSince1970: Double(Int(millis)) / 1000)
    }
}
