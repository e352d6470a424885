#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// libpq's password file (`PGPASSFILE`, else `~/.pgpass`): lines of
/// `hostname:port:database:username:password`, `*` matching anything, `\` escaping `:` and `\`,
/// the first matching line winning. As libpq does, a file that group or others may read is
/// ignored (with a warning on standard error), and so is anything but a regular file.
public struct PasswordFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The file libpq would read for this environment.
    public static func standard(environment: [String: String]) -> PasswordFile {
        if let explicit = environment["PGPASSFILE"], !explicit.isEmpty { return PasswordFile(path: explicit) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? getpwuid(geteuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } } ?? "/nonexistent"
        return PasswordFile(path: home + "/.pgpass")
    }

    /// Why the file was not read, when it exists but libpq would ignore it.
    public var ignoredBecause: String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT != S_IFREG { return "\(path) is not a regular file" }
        if info.st_mode & (S_IRWXG | S_IRWXO) != 0 {
            return "\(path) has group or world access; permissions should be u=rw (0600) or less"
        }
        return nil
    }

    /// The password for `name`, or nil when the file is missing, ignored or has no matching line.
    public func password(for name: ConnectionName, warn: (String) -> Void = PasswordFile.warnOnStandardError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if let why = ignoredBecause {
            warn("WARNING: password file \"\(path)\" ignored: \(why).")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        return Self.password(in: text, for: name)
    }

    public static let warnOnStandardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// The first matching line's password. For a connection over the default socket directory
    /// libpq looks for `localhost`, as it does when no host was given.
    static func password(in text: String, for name: ConnectionName) -> String? {
        let host = name.host == ConnectionName.defaultSocketDirectory ? "localhost" : name.host
        let wanted = [host, String(name.port), name.database, name.user]
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            if line.hasPrefix("#") { continue }
            let fields = Self.fields(line)
            guard fields.count >= 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in field == "*" || field == value }
            if matches { return fields[4] }
        }
        return nil
    }

    /// The fields of a line, unescaped; an unescaped colon ends the password too, as in libpq.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
