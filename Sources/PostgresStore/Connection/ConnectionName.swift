import Foundation
import Invocation

/// Where a PostgreSQL store is and who connects to it, named as libpq names it: a
/// `postgresql://` or `postgres://` URI, completed from `PGHOST`, `PGPORT`, `PGUSER`,
/// `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE` and the password file, in libpq's order.
///
/// Its `description` never contains the password, so it may appear in any message.
public struct ConnectionName: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A host name or address, or (starting with `/`) the directory of the server's Unix socket.
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    /// Kept out of every description; nil means connect without one.
    public var password: String?

    /// libpq's `sslmode`; `prefer` is its default.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Why a store name is not a PostgreSQL connection URI (never repeating a password).
    public struct Problem: Error, Equatable, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// libpq's default socket directory as Debian builds it.
    public static let defaultSocketDirectory = "/var/run/postgresql"

    /// True when `text` names a PostgreSQL store rather than a directory.
    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// True when the server is reached through a Unix socket.
    public var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The socket file libpq connects to for a socket directory and port.
    public var socketPath: String { "\(host)/.s.PGSQL.\(port)" }

    public var description: String {
        let who = user.isEmpty ? "" : "\(Self.encode(user))@"
        if isUnixSocket {
            return "postgresql://\(who)/\(Self.encode(database))?host=\(host)" + (port == 5432 ? "" : "&port=\(port)")
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(who)\(shownHost):\(port)/\(Self.encode(database))"
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }

    /// Where the server is, for "cannot reach" messages: the socket file or host:port.
    public var serverDescription: String {
        isUnixSocket ? "the server's socket \(socketPath)" : "the server at \(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    public init(host: String, port: Int = 5432, user: String, database: String, sslMode: SSLMode = .prefer, password: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.sslMode = sslMode
        self.password = password
    }

    /// Parses a URI and completes it as libpq does: what the URI leaves out comes from the
    /// environment, then from libpq's defaults (the Unix socket, port 5432, the OS user's name, a
    /// database named like the user); a missing password is looked up in the password file.
    public static func parse(_ uri: String, environment: [String: String] = ProcessEnvironment.variables,
                             osUser: String? = nil, passwordFile: PasswordFile? = nil) throws(Problem) -> ConnectionName {
        let given = try URIParts.parse(uri)
        func env(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        let host = given.host ?? env("PGHOST") ?? defaultSocketDirectory
        let portText = given.port ?? env("PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw Problem(description: "The port \"\(portText)\" is not a number from 1 to 65535.")
        }
        guard let user = given.user ?? env("PGUSER") ?? osUser ?? Self.osUserName() else {
            throw Problem(description: "No database user is named: give one in the URI (postgresql://USER@…) or in PGUSER.")
        }
        let database = given.database ?? env("PGDATABASE") ?? user
        let modeText = given.sslMode ?? env("PGSSLMODE") ?? "prefer"
        guard let sslMode = SSLMode(rawValue: modeText) else {
            throw Problem(description: "The sslmode \"\(modeText)\" is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var name = ConnectionName(host: host, port: port, user: user, database: database, sslMode: sslMode)
        name.password = given.password ?? env("PGPASSWORD")
        if name.password == nil {
            let file = passwordFile ?? PasswordFile.standard(environment: environment)
            name.password = file.password(for: name)
        }
        return name
    }

    static func osUserName() -> String? {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return nil
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?&="))) ?? text
    }
}

/// The parts a connection URI gives, percent-decoded; nil where it gives none.
struct URIParts: Equatable {
    var user: String?
    var password: String?
    var host: String?
    var port: String?
    var database: String?
    var sslMode: String?

    /// Query parameters libpq knows that this store reads; any other is refused, as libpq refuses
    /// parameters it does not know.
    static let known: Set<String> = ["host", "port", "user", "password", "dbname", "sslmode", "connect_timeout", "application_name"]

    static func parse(_ uri: String) throws(ConnectionName.Problem) -> URIParts {
        func problem(_ why: String) -> ConnectionName.Problem {
            ConnectionName.Problem(description: "The store \(ConnectionName.redacted(uri)) is not a valid PostgreSQL URI: \(why).")
        }
        guard let scheme = ["postgresql://", "postgres://"].first(where: { uri.hasPrefix($0) }) else {
            throw problem("it must begin with postgresql:// or postgres://")
        }
        var rest = Substring(uri.dropFirst(scheme.count))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring?
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var parts = URIParts()
        // The first @ ends the user part, as in libpq: an @ in a password is written %40.
        if let at = rest.firstIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                parts.user = try decode(userInfo[..<colon], problem)
                parts.password = try decode(userInfo[userInfo.index(after: colon)...], problem)
            } else {
                parts.user = try decode(userInfo, problem)
            }
            if parts.user == "" { parts.user = nil }
        }
        if rest.contains(",") { throw problem("it names several hosts; give one") }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw problem("an IPv6 address lacks its closing ]") }
            parts.host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { parts.port = String(after.dropFirst()) } else if !after.isEmpty { throw problem("unexpected text after the IPv6 address") }
        } else if let colon = rest.firstIndex(of: ":") {
            parts.host = try decode(rest[..<colon], problem)
            parts.port = String(rest[rest.index(after: colon)...])
        } else if !rest.isEmpty {
            parts.host = try decode(rest, problem)
        }
        if parts.host == "" { parts.host = nil }
        if parts.port == "" { parts.port = nil }
        if let path, !path.isEmpty { parts.database = try decode(path, problem) }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else { throw problem("the parameter \"\(pair)\" has no value") }
            let key = try decode(pair[..<equals], problem)
            let value = try decode(pair[pair.index(after: equals)...], problem)
            guard known.contains(key) else { throw problem("it has the unknown parameter \"\(key)\"") }
            switch key {
            case "host": parts.host = value.isEmpty ? nil : value
            case "port": parts.port = value.isEmpty ? nil : value
            case "user": parts.user = value.isEmpty ? nil : value
            case "password": parts.password = value
            case "dbname": parts.database = value.isEmpty ? nil : value
            case "sslmode": parts.sslMode = value
            default: break
            }
        }
        return parts
    }

    private static func decode(_ text: Substring, _ problem: (String) -> ConnectionName.Problem) throws(ConnectionName.Problem) -> String {
        guard let decoded = String(text).removingPercentEncoding else { throw problem("it has a bad %-escape") }
        return decoded
    }
}

extension ConnectionName {
    /// A URI as the user typed it with any password replaced by ***, for messages about a URI that
    /// did not parse.
    public static func redacted(_ uri: String) -> String {
        var text = uri
        if let scheme = text.range(of: "://") {
            let afterScheme = text[scheme.upperBound...]
            let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
            let authority = afterScheme[..<authorityEnd]
            if let at = authority.firstIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                text.replaceSubrange(authority.index(after: colon)..<at, with: "***")
            }
        }
        // password=… in the query, up to the next &.
        while let range = text.range(of: "password=", options: .caseInsensitive),
              !text[range.upperBound...].hasPrefix("***") {
            let end = text[range.upperBound...].firstIndex(of: "&") ?? text.endIndex
            text.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return text
    }
}
