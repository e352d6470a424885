import Foundation

/// Whether a target counts working time on the business calendar or every hour of the clock.
public enum TimeBasis: String, Codable, Sendable, CaseIterable {
    case business
    case calendar
}

/// How long a clock may run: "4h", "30m", "5d", "2w" or "eod" (end of the business day), as the
/// configuration spells it.
///
/// In business time a day is one working day and a week five; in calendar time a day is 24 hours
/// and a week seven days.
public enum SLATarget: Hashable, Sendable, CustomStringConvertible, Codable {
    case minutes(Int)
    case hours(Int)
    case days(Int)
    case weeks(Int)
    /// The end of the working day on which the clock starts (or the next working day's end when it starts after hours).
    case endOfBusinessDay

    /// Parses "45m", "4h", "5d", "2w", "eod"; nil for anything else, zero or negative.
    public init?(_ text: String) {
        let t = text.trimmedSpaces.lowercased()
        if t == "eod" { self = .endOfBusinessDay; return }
        guard let unit = t.last, let n = Int(t.dropLast()), n > 0 else { return nil }
        switch unit {
        case "m": self = .minutes(n)
        case "h": self = .hours(n)
        case "d": self = .days(n)
        case "w": self = .weeks(n)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .minutes(let n): "\(n)m"
        case .hours(let n): "\(n)h"
        case .days(let n): "\(n)d"
        case .weeks(let n): "\(n)w"
        case .endOfBusinessDay: "eod"
        }
    }

    /// "4 hours", "5 business days", "end of business day".
    public func phrase(_ basis: TimeBasis) -> String {
        let business = basis == .business
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        switch self {
        case .minutes(let n): return plural(n, business ? "business minute" : "minute")
        case .hours(let n): return plural(n, business ? "business hour" : "hour")
        case .days(let n): return plural(n, business ? "business day" : "day")
        case .weeks(let n): return plural(n, business ? "business week" : "week")
        case .endOfBusinessDay: return "end of business day"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let target = SLATarget(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "not a duration: \"\(text)\" (use e.g. 30m, 4h, 5d, 2w or eod)"))
        }
        self = target
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
