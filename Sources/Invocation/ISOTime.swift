import EscalationKit
import Foundation

/// ISO 8601 times as the store and the command line write and read them.
///
/// `read` and `day` are the one check of every time and date a person gives (ESCALATOR_NOW, the
/// command line's options, imported files): a time that does not parse, a day or time of day that
/// does not exist (2026-02-30, which a lenient parser turns into 2 March), or one outside
/// `TimeBounds` is refused with a `TimeProblem`, one sentence naming where it came from.
public enum ISOTime {
    /// `read` without the reason: nil for anything `read` refuses.
    public static func parse(_ text: String) -> Date? {
        try? read(text, named: "the time").get()
    }

    /// Parses `2026-03-10T09:00:00Z`, with fractional seconds or an offset, or a bare date (midnight UTC).
    public static func read(_ text: String, named name: String) -> Result<Date, TimeProblem> {
        if let d = FastTime.parse(text, years: TimeBounds.years) { return .success(d) }
        func problem(_ kind: TimeProblem.Kind) -> Result<Date, TimeProblem> { .failure(TimeProblem(kind, text, name)) }
        if let kind = fieldProblem(Array(text.utf8)) { return problem(kind) }
        guard let date = formatted(text) else { return problem(.unreadable) }
        guard TimeBounds.contains(date) else { return problem(.outOfRange) }
        return .success(date)
    }

    /// Parses a day, `YYYY-MM-DD` exactly.
    public static func day(_ text: String, named name: String) -> Result<CalendarDay, TimeProblem> {
        let u = Array(text.utf8)
        guard u.count == 10, number(u, 0, 4) != nil, u[4] == 45, number(u, 5, 2) != nil, u[7] == 45, number(u, 8, 2) != nil else {
            return .failure(TimeProblem(.unreadable, text, name, dayOnly: true))
        }
        guard let day = CalendarDay(text) else { return .failure(TimeProblem(.noSuchDay, text, name, dayOnly: true)) }
        guard TimeBounds.contains(day) else { return .failure(TimeProblem(.outOfRange, text, name, dayOnly: true)) }
        return .success(day)
    }

    /// A date or time-of-day field that is well formed but names nothing (month 13, 30 February,
    /// 25 o'clock), which ISO8601DateFormatter would roll over into the next day or month.
    private static func fieldProblem(_ u: [UInt8]) -> TimeProblem.Kind? {
        guard u.count >= 10, let y = number(u, 0, 4), u[4] == 45, let m = number(u, 5, 2), u[7] == 45, let d = number(u, 8, 2) else { return nil }
        guard CalendarDay(year: y, month: m, day: d) != nil else { return .noSuchDay }
        guard u.count >= 16, u[10] == 84 || u[10] == 116, let h = number(u, 11, 2), u[13] == 58, let mi = number(u, 14, 2) else { return nil }
        if h > 23 || mi > 59 { return .noSuchTime }
        if u.count >= 19, u[16] == 58, let s = number(u, 17, 2), s > 59 { return .noSuchTime }
        return nil
    }

    private static func number(_ u: [UInt8], _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<(from + count) {
            guard i < u.count, (48...57).contains(u[i]) else { return nil }
            value = value * 10 + Int(u[i] - 48)
        }
        return value
    }

    /// A time as the store holds it, read as written: what an older version let in stays readable.
    package static func stored(_ text: String) -> Date? { formatted(text) }

    /// The forms FastTime does not read: offsets, other fractions, a bare date.
    private static func formatted(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = withFraction.date(from: text) { return d }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let d = plain.date(from: text) { return d }
        let dateOnly = ISO8601DateFormatter()
        dateOnly.formatOptions = [.withFullDate]
        return dateOnly.date(from: text)
    }

    /// `2026-03-10T09:00:00.000Z`, exactly as ISO8601DateFormatter writes it.
    public static func format(_ date: Date) -> String {
        FastTime.format(date, millis: .halfUp, years: FastTime.gregorianYears) ?? formatted(date)
    }

    /// The same through ISO8601DateFormatter (slow: it builds an ICU formatter); for years outside 1...9999.
    package static func formatted(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}

/// Why a time or date a person gave was refused, as one sentence that names where it came from.
public struct TimeProblem: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable { case unreadable, noSuchDay, noSuchTime, outOfRange }
    public var kind: Kind
    /// The text as given.
    public var text: String
    /// Where it came from: "ESCALATOR_NOW", "--deadline", "created_at".
    public var name: String
    /// A day was asked for (YYYY-MM-DD), not a time.
    public var dayOnly: Bool

    public init(_ kind: Kind, _ text: String, _ name: String, dayOnly: Bool = false) {
        self.kind = kind
        self.text = text
        self.name = name
        self.dayOnly = dayOnly
    }

    public var description: String {
        let given = "\(name) \"\(text)\""
        switch kind {
        case .unreadable where dayOnly: return "\(given) is not a date; use YYYY-MM-DD, e.g. 2026-03-10."
        case .unreadable: return "\(given) is not an ISO 8601 time; use e.g. 2026-03-10T09:00:00Z."
        case .noSuchDay: return "\(given) names a day that does not exist."
        case .noSuchTime: return "\(given) names a time of day that does not exist."
        case .outOfRange: return "\(given) is outside the dates Escalator accepts (\(TimeBounds.phrase))."
        }
    }
}
