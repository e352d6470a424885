import EscalationKit
import Foundation
import Testing

/// `escalator board --store postgresql://…` in tmux against a real server: the board follows
/// another process's changes, and when its connection is lost (the backend terminated, the server
/// restarted) it says "offline — reconnecting", refuses changes, reconnects and catches up.
@Suite struct PostgresBoardEndToEndTests {
    static let binary = TmuxPane.built("escalator")

    /// A directory for this test's scripts, removed afterwards.
    static func scratch() -> String {
        let directory = NSTemporaryDirectory() + "escalator-pgboard-e2e-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A login role that writes, for the board, so its logins can be refused for a while.
    static func boardRole(_ admin: String) throws -> String {
        let role = "pgboardui_" + UUID().uuidString.prefix(6).lowercased()
        try #require(PostgresLab.psql(admin, "CREATE ROLE \(role) LOGIN IN ROLE escalator_writer"))
        return role
    }

    /// The board on `uri` with three routed escalations; returns the pane once it shows them live.
    static func runningBoard(admin: String, role: String, in directory: String) throws -> (TmuxPane, [EscalationID]) {
        let ids = try PostgresLab.seed(admin, count: 3)
        let pane = try TmuxPane(width: 120, height: 30, command: try PostgresLab.boardScript(in: directory, uri: PostgresLab.uri(admin, user: role)))
        let screen = pane.wait(for: "● live", "Routed 3", timeout: 20)
        try #require(screen.contains("● live") && screen.contains("Routed 3"), "\(screen)")
        return (pane, ids)
    }

    /// While the board is offline: the header says so, the last state stays, a change is refused
    /// in the status line; another process's change made meanwhile shows once it reconnects.
    /// `routed` and `acknowledged` are the columns' counts when the connection was lost.
    static func offlineThenBack(_ pane: TmuxPane, admin: String, routed: Int, acknowledged: Int, changed: EscalationID,
                                beforeTheChange: () throws -> Void = {}, reconnect: () throws -> Void) throws {
        var screen = pane.wait(for: "offline — reconnecting", timeout: 15)
        try #require(screen.contains("○ offline — reconnecting"), "\(screen)")
        #expect(screen.contains("Routed \(routed)") && screen.contains("Acknowledged \(acknowledged)"), "the last state stays on screen: \(screen)")
        #expect(screen.contains("Lost the connection to the store"), "\(screen)")
        try pane.send("g")
        try pane.send("a")
        pane.wait(for: "owner?")
        try pane.type("Mike Ross")
        try pane.send("Enter")
        screen = pane.wait(for: "Offline — reconnecting to the store: nothing was saved")
        #expect(screen.contains("Offline — reconnecting to the store: nothing was saved"), "\(screen)")
        #expect(screen.contains("Routed \(routed)") && !screen.contains("saving"), "refused, not queued: \(screen)")

        try beforeTheChange()
        try PostgresLab.commit(admin, .acknowledge(owner: "Dana Other"), on: changed, as: "dana")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!pane.capture().contains("Dana Other"), "nothing arrives while offline")
        try reconnect()
        screen = pane.wait(for: "● live", "Acknowledged \(acknowledged + 1)", "Dana Other", timeout: 20)
        #expect(screen.contains("● live") && !screen.contains("offline"), "\(screen)")
        #expect(screen.contains("Acknowledged \(acknowledged + 1)") && screen.contains("Routed \(routed - 1)") && screen.contains("Dana Other"),
                "the change made while offline appears: \(screen)")
        #expect(screen.contains("Reconnected"), "\(screen)")

        // Live again, the board writes (on the first routed card: the cursor may have followed the changed one).
        for key in ["h", "h", "h", "g", "a"] { try pane.send(key) }
        screen = pane.wait(for: "owner?")
        if !screen.contains("Mike Ross") { try pane.type("Mike Ross") }
        try pane.send("Enter")
        screen = pane.wait(for: "Acknowledged \(acknowledged + 2)", timeout: 10)
        #expect(screen.contains("Acknowledged \(acknowledged + 2)") && screen.contains("Routed \(routed - 2)"), "\(screen)")
        try pane.send("q")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
    }

    @Test func anUnreachableServerIsExit69WithoutThePassword() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/err"
        let status = PostgresLab.shell("\(TmuxPane.quoted(Self.binary)) board --store \(TmuxPane.quoted("postgresql://alice:hunter2secret@/db?host=\(directory)"))", log: log)
        let err = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        #expect(status == 69, "\(err)")
        #expect(err.contains(directory + "/.s.PGSQL.5432") && !err.contains("hunter2secret"), "\(err)")
    }

    @Test(.enabled(if: PostgresLab.sharedURI != nil, "ESCALATOR_TEST_PG is not set: run through `make test` (or .ci/postgres) to test against a private PostgreSQL cluster"))
    func anotherProcesssChangeAppearsAndATerminatedBackendIsSurvived() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let shared = PostgresLab.sharedURI!
        let database = "pgboard_" + UUID().uuidString.prefix(8).lowercased()
        try #require(PostgresLab.psql(shared, "CREATE DATABASE \(database)"))
        let admin = PostgresLab.uri(shared, database: database)
        let directory = Self.scratch()
        var role: String?
        defer {
            PostgresLab.psql(shared, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
            if let role { PostgresLab.psql(shared, "DROP ROLE IF EXISTS \(role)") }
            try? FileManager.default.removeItem(atPath: directory)
        }
        try #require(PostgresLab.shell("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) init --store \(TmuxPane.quoted(admin))") == 0)
        role = try Self.boardRole(admin)
        let (pane, ids) = try Self.runningBoard(admin: admin, role: role!, in: directory)
        var screen = pane.capture()
        #expect(screen.split(separator: "\n").first?.contains(" Escalator \(database)@local ") == true, "the header names the store: \(screen)")

        // Another process's change arrives through LISTEN/NOTIFY within a second.
        let writer = try PostgresLab.open(admin)
        let started = Date()
        try PostgresLab.commit(writer, .acknowledge(owner: "Erin Early"), on: ids[2], as: "erin")
        screen = pane.wait(for: "Acknowledged 1", "Erin Early", timeout: 5)
        let seen = Date().timeIntervalSince(started)
        #expect(screen.contains("Acknowledged 1") && screen.contains("Erin Early"), "\(screen)")
        #expect(seen < 1.5, "seen within about a second (tmux polled every 50 ms), not after \(seen) s")

        // The board's backends are terminated, and its role may not log in again for now.
        try #require(PostgresLab.lockOut(admin, role: role!, terminate: true))
        try Self.offlineThenBack(pane, admin: admin, routed: 2, acknowledged: 1, changed: ids[1]) {
            try #require(PostgresLab.letIn(admin, role: role!))
        }
    }

    @Test(.enabled(if: PostgresLab.privateClusterUnavailable == nil, "\(PostgresLab.privateClusterUnavailable ?? ""): the server-restart test skips"))
    func aServerRestartIsSurvived() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let cluster = try PrivateCluster()
        let admin = cluster.adminURI
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #require(PostgresLab.shell("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) init --store \(TmuxPane.quoted(admin))") == 0)
        let role = try Self.boardRole(admin)
        let (pane, ids) = try Self.runningBoard(admin: admin, role: role, in: directory)

        // The restart: the board's role is kept out after it so that the change below is made while
        // the board is away, whatever its backoff.
        try #require(PostgresLab.lockOut(admin, role: role, terminate: false))
        try #require(cluster.stop(), "pg_ctl stop failed")
        try Self.offlineThenBack(pane, admin: admin, routed: 3, acknowledged: 0, changed: ids[0], beforeTheChange: {
            // Still offline while the server is down; then it comes back, the board's role still kept out.
            Thread.sleep(forTimeInterval: 1)
            #expect(pane.capture().contains("offline — reconnecting"))
            try #require(cluster.start(), "pg_ctl start failed")
        }, reconnect: {
            try #require(PostgresLab.letIn(admin, role: role))
        })
    }
}
