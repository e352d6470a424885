#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Who is acting and when "now" is: the login user and the system clock, unless `ESCALATOR_USER`
/// and `ESCALATOR_NOW` (ISO 8601) say otherwise, so tests and what-if runs can move time.
public struct Context: Sendable {
    public var actor: String
    public var now: Date

    public init(actor: String, now: Date) {
        self.actor = actor
        self.now = now
    }

    public enum Problem: Error, CustomStringConvertible {
        case badNow(String)
        public var description: String {
            switch self {
            case .badNow(let text): "ESCALATOR_NOW is not an ISO 8601 time: \"\(text)\". Use e.g. 2026-03-10T09:00:00Z."
            }
        }
    }

    /// Reads the environment; fails on an ESCALATOR_NOW that does not parse.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Problem) -> Context {
        let named = ["ESCALATOR_USER", "USER", "LOGNAME"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        let actor = named ?? Context.processLogin
        guard let text = environment["ESCALATOR_NOW"], !text.isEmpty else { return Context(actor: actor, now: Date()) }
        guard let now = ISOTime.parse(text) else { throw .badNow(text) }
        return Context(actor: actor, now: now)
    }
}

extension Context {
    /// The login of this process's real user, from the password database: what the store records
    /// as who really acted (`Event.login`). Never from the environment, which the user sets himself.
    public static let processLogin: String = {
        let uid = getuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name, name.pointee != 0 else { return "uid \(uid)" }
        return String(cString: name)
    }()

    /// The actor as a lock holder or a log line names him: "alice", or "alice (by bob)".
    static func describe(actor: String, login: String = processLogin) -> String {
        actor == login ? actor : "\(actor) (by \(login))"
    }
}

/// ISO 8601 times as the store and the command line write and read them.
public enum ISOTime {
    /// Parses `2026-03-10T09:00:00Z`, with fractional seconds or an offset, or a bare date (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        if let d = FastTime.parse(text, years: FastTime.gregorianYears) { return d }
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
    static func formatted(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}
