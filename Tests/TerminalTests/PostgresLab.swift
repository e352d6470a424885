import EscalationKit
import EscalationStore
import Foundation
import PostgresStore
import Invocation
import Testing

/// PostgreSQL for the board's end-to-end tests: a database of its own on the cluster `make test`
/// starts (ESCALATOR_TEST_PG), or a whole private cluster for a test that restarts its server (tests
/// run in parallel: the shared server is never stopped).
enum PostgresLab {
    static let sharedURI = ProcessInfo.processInfo.environment["ESCALATOR_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }

    /// The server's binaries: ESCALATOR_TEST_PG_BIN, else the newest Debian install.
    static let binaries: String? = {
        if let given = ProcessInfo.processInfo.environment["ESCALATOR_TEST_PG_BIN"], !given.isEmpty,
           FileManager.default.isExecutableFile(atPath: given + "/initdb") { return given }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        return versions.reversed().map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }()

    /// The unprivileged OS user `.ci/postgres` runs clusters as when tests run as root (initdb refuses root).
    static let clusterUser = "pgescalator"

    /// Why a private cluster cannot be made here, or nil when it can.
    static var privateClusterUnavailable: String? {
        guard binaries != nil else { return "no PostgreSQL server binaries (initdb) found" }
        if getuid() == 0, getpwnam(clusterUser) == nil { return "as root a cluster runs as the user \(clusterUser), which .ci/postgres (make test) creates" }
        return nil
    }

    static func name(_ uri: String) -> ConnectionName {
        try! ConnectionName.parse(uri, environment: [:], passwordFile: PasswordFile(path: "/nonexistent"))
    }

    /// The same URI for another user or database.
    static func uri(_ uri: String, user: String? = nil, database: String? = nil) -> String {
        var name = self.name(uri)
        if let user { name.user = user }
        if let database { name.database = database }
        return "postgresql://\(name.user)@/\(name.database)?host=\(name.host)" + (name.port == 5432 ? "" : "&port=\(name.port)")
    }

    /// Runs SQL through psql as the URI's user; true when it succeeded.
    @discardableResult
    static func psql(_ uri: String, _ statement: String) -> Bool {
        let psql = (binaries ?? "/usr/bin") + "/psql"
        return shell("\(TmuxPane.quoted(psql)) -X -q -v ON_ERROR_STOP=1 \(TmuxPane.quoted(uri)) -c \(TmuxPane.quoted(statement))") == 0
    }

    /// Runs a shell line with no terminal, its output kept in `log`; returns the exit status.
    @discardableResult
    static func shell(_ line: String, log: String = "/dev/null") -> Int32 {
        let status = system(line + " >>\(TmuxPane.quoted(log)) 2>&1 </dev/null")
        return status >> 8
    }

    /// Escalations in a store, made through the store's write protocol by this (another) process.
    static func seed(_ uri: String, count: Int) throws -> [EscalationID] {
        let store = try PostgresStore.open(name(uri), policy: .standard)
        var ids: [EscalationID] = []
        for i in 0..<count {
            let draft = Draft(title: "Export truncates at \(i + 1)0k rows", account: Account(name: "Acme \(i + 1)", arr: Money(85_000)),
                              category: .productDefect, severity: .high, team: "engineering")
            ids.append(try store.commit(.create(draft), on: nil, context: Context(actor: "seeder", now: Date())).escalation)
        }
        return ids
    }

    /// Commits one command as `actor`, as another process would.
    static func commit(_ uri: String, _ command: Command, on id: EscalationID, as actor: String) throws {
        try commit(try PostgresStore.open(name(uri), policy: .standard), command, on: id, as: actor)
    }

    static func commit(_ store: PostgresStore, _ command: Command, on id: EscalationID, as actor: String) throws {
        try store.commit(command, on: id, context: Context(actor: actor, now: Date()))
    }

    static func open(_ uri: String) throws -> PostgresStore { try PostgresStore.open(name(uri), policy: .standard) }

    /// Refuses (or allows again) new logins of `role`, and with `terminate` ends its sessions: the
    /// board's connections drop and cannot come back until allowed.
    static func lockOut(_ admin: String, role: String, terminate: Bool) -> Bool {
        psql(admin, "ALTER ROLE \(role) NOLOGIN")
            && (!terminate || psql(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role)'"))
    }

    static func letIn(_ admin: String, role: String) -> Bool { psql(admin, "ALTER ROLE \(role) LOGIN") }

    /// A script that runs the board on `uri` in tmux and says how it ended.
    static func boardScript(in directory: String, uri: String) throws -> String {
        let script = directory + "/board.sh"
        try """
        #!/bin/sh
        export ESCALATOR_NOW= ESCALATOR_USER=lead
        \(TmuxPane.quoted(TmuxPane.built("escalator"))) board --store \(TmuxPane.quoted(uri))
        echo RESTORED rc=$?
        sleep 30

        """.write(toFile: script, atomically: true, encoding: .utf8)
        return "sh " + TmuxPane.quoted(script)
    }
}

/// A cluster of this test's own in a `mktemp -d` directory, listening only on a Unix socket there
/// (no TCP port), run by an unprivileged user when the tests run as root, as `.ci/postgres` does.
/// Removed when the test ends.
final class PrivateCluster {
    let directory: String
    let bin: String
    private let runAs: String
    var log: String { directory + "/test.log" }
    var adminURI: String { "postgresql:///postgres?host=\(directory)&user=postgres" }

    init() throws {
        bin = try #require(PostgresLab.binaries)
        var template = Array("/tmp/escalator-pgboard.XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(made != nil)
        directory = String(cString: template)
        chmod(directory, 0o755)
        if getuid() == 0 {
            let user = PostgresLab.clusterUser
            try #require(PostgresLab.shell("chown \(user) \(TmuxPane.quoted(directory))") == 0)
            runAs = "runuser -u \(user) -- "
        } else {
            runAs = ""
        }
        let initdb = PostgresLab.shell(runAs + "\(TmuxPane.quoted(bin + "/initdb")) -D \(TmuxPane.quoted(directory + "/data")) -U postgres --auth=trust --no-sync -E UTF8 --locale=C", log: log)
        try #require(initdb == 0, "initdb failed: \(String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self))")
        try #require(start(), "the server did not start: \(String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self))")
    }

    @discardableResult
    func start() -> Bool {
        PostgresLab.shell(runAs + "\(TmuxPane.quoted(bin + "/pg_ctl")) -D \(TmuxPane.quoted(directory + "/data")) -l \(TmuxPane.quoted(directory + "/server.log")) -w -t 60 -o \(TmuxPane.quoted("-c listen_addresses='' -c unix_socket_directories='\(directory)' -c fsync=off")) start", log: log) == 0
    }

    /// Stops the server as an administrator does (`fast`: sessions are ended, then it shuts down).
    @discardableResult
    func stop(mode: String = "fast") -> Bool {
        PostgresLab.shell(runAs + "\(TmuxPane.quoted(bin + "/pg_ctl")) -D \(TmuxPane.quoted(directory + "/data")) -m \(mode) -w stop", log: log) == 0
    }

    deinit {
        stop(mode: "immediate")
        try? FileManager.default.removeItem(atPath: directory)
    }
}
