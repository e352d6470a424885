#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Real Unix users sharing one store: a group `secgrp` with two members (`secalice`, who creates
/// the store, and `secbob`) and an outsider (`seceve`), each with a home of their own. Needs root;
/// everything it creates (users, groups, the folder) is removed by `remove()`.
struct SharedStoreLab {
    static let group = "secgrp"
    static let users = ["secalice", "secbob", "seceve"]

    let root: URL
    var store: String { root.appendingPathComponent("team/store").path }
    var now = "2026-03-10T08:50:00Z"

    struct Result {
        var code: Int32
        var out: String
        var err: String
        var seconds: Double
    }

    /// Nil, with the reason, when the lab cannot be built here (not root, no useradd).
    static func make() throws -> SharedStoreLab? {
        guard getuid() == 0 else {
            print("SharedStoreAttackTests skipped: creating Unix users and groups needs root (CI runs as root).")
            return nil
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"), FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("SharedStoreAttackTests skipped: useradd or setpriv is missing.")
            return nil
        }
        removeAccounts()
        var template = Array("/tmp/sec-lab-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CLI.Failed(message: "mkdtemp failed") }
        let lab = SharedStoreLab(root: URL(fileURLWithPath: String(cString: made)))
        chmod(lab.root.path, 0o755)
        try system("/usr/sbin/groupadd", Self.group)
        for user in users {
            let home = lab.home(user)
            var arguments = ["-U", "-M", "-d", home, "-s", "/bin/sh"]
            if user != "seceve" { arguments += ["-G", Self.group] }
            try system("/usr/sbin/useradd", arguments + [user])
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            try system("/bin/chown", "\(user):\(user)", home)
            chmod(home, 0o700)
        }
        let team = lab.root.appendingPathComponent("team").path
        try FileManager.default.createDirectory(atPath: team, withIntermediateDirectories: true)
        try system("/bin/chown", "secalice:secalice", team)
        return lab
    }

    func home(_ user: String) -> String { root.appendingPathComponent("home-\(user)").path }

    /// Removes the users, their groups and the folder (also what an earlier, interrupted run left).
    func remove() {
        Self.removeAccounts()
        try? FileManager.default.removeItem(at: root)
    }

    private static func removeAccounts() {
        for user in users {
            _ = try? system("/usr/sbin/userdel", user, allowFailure: true)
            _ = try? system("/usr/sbin/groupdel", user, allowFailure: true)
        }
        _ = try? system("/usr/sbin/groupdel", group, allowFailure: true)
    }

    /// Runs `escalator ARGS` as `user` (real and effective uid and gid, and the user's groups), with
    /// a clean environment: HOME, USER, LOGNAME, the store, the clock, plus `environment`.
    @discardableResult
    func escalator(_ user: String, _ arguments: [String], environment: [String: String] = [:], unset: [String] = [], input: String? = nil) throws -> Result {
        try run(user, [CLI.executable.path] + arguments, environment: environment, unset: unset, input: input)
    }

    /// Runs a shell command line as `user` (what a member can do to the files without escalator).
    @discardableResult
    func shell(_ user: String, _ script: String) throws -> Result {
        try run(user, ["/bin/sh", "-c", script], environment: [:], unset: [])
    }

    func run(_ user: String, _ command: [String], environment extra: [String: String], unset: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--init-groups", "--"] + command
        var environment = [
            "PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": home(user), "USER": user, "LOGNAME": user,
            "ESCALATOR_STORE": store, "ESCALATOR_NOW": now, "LANG": "C.UTF-8",
        ]
        for (k, v) in extra { environment[k] = v }
        for k in unset { environment[k] = nil }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: home(user))
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        let start = Date()
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }

    /// Creates an escalation as `user` and returns its id.
    func new(_ user: String, environment: [String: String] = [:]) throws -> String {
        let r = try escalator(user, ["new", "--account", "Acme Corp", "--title", "API latency on reports", "--category", "product_defect", "--severity", "critical"],
                              environment: environment)
        guard r.code == 0 else { throw CLI.Failed(message: "new as \(user) failed (\(r.code)): \(r.err)") }
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A file's bytes and mode, to prove an attack changed neither.
    static func fingerprint(_ path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else { return "absent" }
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        return "\(String(st.st_mode, radix: 8)) \(st.st_uid) \(bytes.count) \(bytes.hashValue)"
    }

    static func mode(_ path: String) -> (mode: mode_t, group: String)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        let group = getgrgid(st.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(st.st_gid)"
        return (st.st_mode & 0o7777, group)
    }

    @discardableResult
    static func system(_ arguments: String..., allowFailure: Bool = false) throws -> Int32 {
        try system(arguments.first!, Array(arguments.dropFirst()), allowFailure: allowFailure)
    }

    @discardableResult
    static func system(_ executable: String, _ arguments: [String], allowFailure: Bool = false) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 && !allowFailure {
            throw CLI.Failed(message: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return process.terminationStatus
    }
}
