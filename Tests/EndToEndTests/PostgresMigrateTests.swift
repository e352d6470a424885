#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// `migrate` between a directory and PostgreSQL, `demo` and `doctor` on PostgreSQL, as a user runs them.
@Suite(.enabled(if: PostgresCluster.uri != nil, "ESCALATOR_TEST_PG is not set: run through `make test` (or .ci/postgres) to test against a private PostgreSQL cluster"))
struct PostgresMigrateTests {
    /// A database with an initialised store; dropped by `drop`.
    private func initialised(_ cli: CLI) throws -> String {
        let uri = try PostgresCluster.database()
        let made = try cli.run("init", "--store", uri)
        guard made.code == 0 else { throw CLI.Failed(message: made.err) }
        return uri
    }

    private func drop(_ uri: String) {
        PostgresCluster.psql("DROP DATABASE IF EXISTS \(PostgresCluster.name(uri)) WITH (FORCE)")
    }

    /// A demo store in the test's directory, without its roster (configuration is not part of a
    /// migration, so both sides read the defaults).
    private func demo(_ cli: CLI, count: Int) throws {
        let made = try cli.run("demo", "--count", String(count))
        guard made.code == 0 else { throw CLI.Failed(message: made.err) }
        try FileManager.default.removeItem(at: cli.store.appendingPathComponent("escalator.toml"))
    }

    @Test func aRoundTripThroughPostgreSQLGivesTheSameJSON() throws {
        let cli = CLI(); defer { cli.remove() }
        try demo(cli, count: 300)
        let uri = try initialised(cli)
        defer { drop(uri) }
        let into = try cli.run("migrate", "--from", cli.store.path, "--to", uri)
        #expect(into.code == 0, "\(into.err)")
        #expect(into.out.contains("Copied 300 escalations ("), "\(into.out)")
        #expect(into.out.contains("the counts match"), "\(into.out)")
        // The database records the importer as the login, and the source's login apart.
        #expect(PostgresCluster.query(uri, "SELECT DISTINCT login FROM escalator.events") == "postgres")
        #expect(PostgresCluster.query(uri, "SELECT count(*) FROM escalator.events WHERE original_login IS NULL") == "0")
        let back = cli.root.appendingPathComponent("back").path
        let out = try cli.run("migrate", "--from", uri, "--to", back)
        #expect(out.code == 0, "\(out.err)")
        #expect(out.out.contains("Copied 300 escalations ("), "\(out.out)")
        let original = try cli.run("list", "--all", "--json")
        let copied = try cli.run("list", "--all", "--json", "--store", back)
        #expect(original.code == 0 && copied.code == 0)
        #expect(original.out.count > 1000)
        #expect(original.out.replacingOccurrences(of: cli.store.path, with: "STORE") == copied.out.replacingOccurrences(of: back, with: "STORE"))
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(original.out.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 300)
        for id in ids.enumerated().filter({ $0.offset % 15 == 0 }).map(\.element) + [ids[0], ids[ids.count - 1]] {
            let a = try cli.run("show", id, "--json"), b = try cli.run("show", id, "--json", "--store", back)
            #expect(a.code == 0 && a.out.replacingOccurrences(of: cli.store.path, with: "STORE") == b.out.replacingOccurrences(of: back, with: "STORE"), "\(id)")
        }
    }

    @Test func aTargetThatHoldsEscalationsIsRefusedAndLeftAsItWas() throws {
        let cli = CLI(); defer { cli.remove() }
        try demo(cli, count: 20)
        let uri = try initialised(cli)
        defer { drop(uri) }
        #expect(try cli.run("migrate", "--from", cli.store.path, "--to", uri).code == 0)
        let events = PostgresCluster.query(uri, "SELECT count(*) FROM escalator.events")
        let again = try cli.run("migrate", "--from", cli.store.path, "--to", uri)
        #expect(again.code == 65, "\(again.err)")
        #expect(again.err.contains("already holds escalations") && again.err.contains("Nothing was changed"), "\(again.err)")
        #expect(PostgresCluster.query(uri, "SELECT count(*) FROM escalator.events") == events)
        // And a directory that holds escalations, byte for byte.
        let before = cli.storeFiles()
        let intoDirectory = try cli.run("migrate", "--from", uri, "--to", cli.store.path)
        #expect(intoDirectory.code == 65, "\(intoDirectory.err)")
        #expect(cli.storeFiles() == before)
    }

    @Test func aMigrationKilledMidwayLeavesTheTargetEmpty() throws {
        let cli = CLI(); defer { cli.remove() }
        try demo(cli, count: 8_000)
        let uri = try initialised(cli)
        defer { drop(uri) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["migrate", "--from", cli.store.path, "--to", uri]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed while its batches stream into the database (the transaction open).
        let deadline = Date().addingTimeInterval(120)
        var copying = false
        while Date() < deadline, process.isRunning {
            if PostgresCluster.query(uri, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO escalator.events%' AND pid <> pg_backend_pid()") == "1" {
                copying = true
                break
            }
            usleep(20_000)
        }
        #expect(copying, "the migration never began inserting")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The server rolls the transaction back when the connection drops.
        let gone = Date().addingTimeInterval(30)
        while Date() < gone, PostgresCluster.query(uri, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") != "0" {
            usleep(50_000)
        }
        #expect(PostgresCluster.query(uri, "SELECT count(*) FROM escalator.events") == "0")
        #expect(PostgresCluster.query(uri, "SELECT count(*) || ' ' || (SELECT last_sequence FROM escalator.head) FROM escalator.escalations") == "0 0")
        // And the store takes the migration afterwards.
        let retried = try cli.run("migrate", "--from", cli.store.path, "--to", uri)
        #expect(retried.code == 0, "\(retried.err)")
    }

    @Test func directoryToDirectoryCopiesTheNotificationRecordToo() throws {
        let cli = CLI(); defer { cli.remove() }
        try demo(cli, count: 30)
        try Data("stalled:ESC-2026-0001:1\nbreach:ESC-2026-0002:2\n".utf8).write(to: cli.store.appendingPathComponent("notified.log"))
        let copy = cli.root.appendingPathComponent("copy")
        let result = try cli.run("migrate", "--from", cli.store.path, "--to", copy.path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("and 2 notification record entries"), "\(result.out)")
        let keys = try String(contentsOf: copy.appendingPathComponent("notified.log"), encoding: .utf8)
        #expect(Set(keys.split(separator: "\n")) == ["stalled:ESC-2026-0001:1", "breach:ESC-2026-0002:2"])
        let a = try cli.run("list", "--all", "--json"), b = try cli.run("list", "--all", "--json", "--store", copy.path)
        #expect(a.out.replacingOccurrences(of: cli.store.path, with: "S") == b.out.replacingOccurrences(of: copy.path, with: "S"))
        #expect(try cli.run("migrate", "--from", cli.store.path, "--to", cli.store.path).code == 64)
    }

    @Test func demoFillsAPostgreSQLStoreAndDoctorChecksIt() throws {
        let cli = CLI(); defer { cli.remove() }
        let uri = try PostgresCluster.database()
        defer { drop(uri) }
        let made = try cli.run("demo", "--count", "400", "--store", uri)
        #expect(made.code == 0, "\(made.err)")
        #expect(made.out.contains("Created 400 sample escalations ("), "\(made.out)")
        #expect(PostgresCluster.query(uri, "SELECT count(*) FROM escalator.escalations") == "400")
        #expect(try cli.run("demo", "--count", "10", "--store", uri).code == 65)
        let healthy = try cli.run("doctor", "--store", uri)
        #expect(healthy.code == 0, "\(healthy.out)\(healthy.err)")
        #expect(healthy.out.contains("The store is healthy."))
        _ = PostgresCluster.query(uri, "UPDATE escalator.escalations SET revision = revision + 1 WHERE id = (SELECT min(id) FROM escalator.escalations)")
        let broken = try cli.run("doctor", "--store", uri, "--json")
        #expect(broken.code == 74, "\(broken.out)\(broken.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(broken.out.utf8)) as? [String: Any])
        #expect(report["healthy"] as? Bool == false)
        #expect((report["problems"] as? [String])?.first?.contains("disagrees with the events for 1 escalation") == true, "\(report)")
        #expect(try cli.run("doctor", "--store", uri, "--repair").code == 64)
    }
}

extension PostgresCluster {
    /// The first column of a query's rows, one a line, as psql prints them unaligned.
    static func query(_ uri: String, _ statement: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psqlPath)
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", uri, "-c", statement]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try? process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
