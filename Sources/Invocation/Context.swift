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
        case badNow(TimeProblem)
        public var description: String {
            switch self {
            case .badNow(let problem): problem.description
            }
        }
    }

    /// Reads the environment; fails on an ESCALATOR_NOW that does not parse.
    public static func fromEnvironment(_ environment: [String: String] = ProcessEnvironment.variables) throws(Problem) -> Context {
        let named = ["ESCALATOR_USER", "USER", "LOGNAME"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        let actor = named ?? Context.processLogin
        guard let text = environment["ESCALATOR_NOW"], !text.isEmpty else { return Context(actor: actor, now: Date()) }
        switch ISOTime.read(text, named: "ESCALATOR_NOW") {
        case .success(let now): return Context(actor: actor, now: now)
        case .failure(let problem): throw .badNow(problem)
        }
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
    package static func describe(actor: String, login: String = processLogin) -> String {
        actor == login ? actor : "\(actor) (by \(login))"
    }
}
