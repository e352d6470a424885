import Foundation

/// Waits in words, for `show`, `explain`, the detail view and the card: one implementation for all.
public enum WaitText {
    /// "⏸ customer 2d": the card's marker for the wait in force (how long it has lasted so far).
    public static func marker(_ wait: WaitInterval, at now: Date, symbol: String = "⏸") -> String {
        "\(symbol) \(label(wait, at: now))"
    }

    /// "customer 2d": who and for how long so far, the marker without its symbol.
    public static func label(_ wait: WaitInterval, at now: Date) -> String {
        "\(wait.party.rawValue) \(DurationText.coarse(wait.duration(at: now)))"
    }

    /// "waiting on the customer from 2026-03-10 09:40 to 2026-03-12 10:00 (2d0h): send the logs; ended by a customer update".
    public static func line(_ wait: WaitInterval, at now: Date, policy: Policy?, zone given: TimeZone? = nil) -> String {
        let zone = given ?? policy?.calendar.timeZone ?? TimeZone(identifier: "UTC")!
        let from = ReportTime.minute(wait.from, in: zone)
        var text = "waiting on \(wait.party.phrase) from \(from)"
        if let until = wait.until, until <= now || wait.endedBy != .until {
            text += " to \(ReportTime.minute(until, in: zone)) (\(DurationText.short(wait.duration(at: now))))"
        } else if let until = wait.until {
            text += ", until \(ReportTime.minute(until, in: zone)) (\(DurationText.short(wait.duration(at: now))) so far)"
        } else {
            text += ", still waiting (\(DurationText.short(wait.duration(at: now))) so far)"
        }
        text += " — \(SafeText.neutralized(wait.reason))"
        if let ending = wait.endedBy, wait.until.map({ $0 <= now }) ?? false {
            text += "; " + phrase(ending, reason: wait.resumeReason)
        }
        return text
    }

    static func phrase(_ ending: WaitInterval.Ending, reason: String?) -> String {
        switch ending {
        case .resumed: "resumed" + (reason.map { ": \(SafeText.neutralized($0))" } ?? "")
        case .until: "resumed by itself at its end"
        case .customerUpdate: "resumed by a customer update"
        case .resolution: "ended by the resolution"
        }
    }
}
