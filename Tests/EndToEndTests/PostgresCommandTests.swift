#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The command line on a PostgreSQL store where it differs from a directory: the server's
/// refusals as exit codes, `notify` from several processes, and a writer killed mid-commit.
@Suite(.enabled(if: PostgresCluster.uri != nil, "ESCALATOR_TEST_PG is not set: run through `make test` (or .ci/postgres) to test against a private PostgreSQL cluster"))
struct PostgresCommandTests {
    @Test func aReadersWriteExits77InOneSentenceAndChangesNothing() throws {
        var store = try BackendStore(.postgresql)
        defer { store.remove() }
        let id = try store.cli.new(["--severity", "high"])
        let reader = "pgcli_reader"
        PostgresCluster.ensureLogin(reader, group: "escalator_reader")
        store.cli.extraEnvironment["ESCALATOR_STORE"] = store.uri(as: reader)
        #expect(try store.cli.run("list", "--json").code == 0, "a reader reads")
        let refused = try store.cli.run("ack", id, "--owner", "Mike")
        #expect(refused.code == 77, "\(refused.err)")
        let sentence = refused.err.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!sentence.contains("\n"), "one line: \(sentence)")
        #expect(sentence.contains("escalator_writer"), "it says what is needed: \(sentence)")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.events") == "1")
        // notify: a reader may look at what is due, not record it as sent.
        let later = "2026-03-27T09:00:00Z"
        #expect(try store.cli.run("notify", "--dry-run", at: later).out.contains(id))
        let notify = try store.cli.run("notify", at: later)
        #expect(notify.code == 77, "\(notify.err)")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.notified") == "0")
    }

    @Test func anUnreachableServerExits69NamingTheHostNeverThePassword() throws {
        let cli = CLI()
        defer { cli.remove() }
        for command in [["list"], ["show", "ESC-2026-0001"], ["new", "--account", "A", "--title", "T", "--category", "security"], ["notify"]] {
            let result = try cli.run(command + ["--store", "postgresql://alice:hunter2secret@127.0.0.1:1/escalator"])
            #expect(result.code == 69, "\(command): \(result.err)")
            #expect(result.err.contains("127.0.0.1"), "\(command): names the host: \(result.err)")
            #expect(!result.err.contains("hunter2secret") && !result.out.contains("hunter2secret"), "\(command)")
        }
    }

    @Test func aWriterWaitingOnARowLockPastTheTimeoutExits75AndWritesNothing() throws {
        var store = try BackendStore(.postgresql)
        defer { store.remove() }
        let id = try store.cli.new(["--severity", "high"])
        // Another session holds the head row, as a writer in the middle of its commit does.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: PostgresCluster.psqlPath)
        holder.arguments = ["-X", "-q", store.name.replacingOccurrences(of: "user=\(PostgresCluster.osLogin)", with: "user=postgres"),
                            "-c", "BEGIN; SELECT * FROM escalator.head FOR UPDATE; SELECT pg_sleep(4); COMMIT;"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { holder.waitUntilExit() }
        try PostgresCluster.waitFor(in: store.name, "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()", toBe: "1")
        store.cli.extraEnvironment["ESCALATOR_LOCK_TIMEOUT"] = "1"
        let started = Date()
        let busy = try store.cli.run("update", id, "--note", "Waited too long")
        #expect(busy.code == 75, "\(busy.err)")
        #expect(Date().timeIntervalSince(started) < 3.5, "gave up after the lock timeout")
        #expect(busy.err.contains("busy"), "\(busy.err)")
        holder.waitUntilExit()
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.events") == "1", "nothing was written")
        #expect(try store.cli.run("update", id, "--note", "Now it goes").code == 0)
    }

    @Test func concurrentNotifyProcessesSendEachNotificationOnce() throws {
        var store = try BackendStore(.postgresql)
        defer { store.remove() }
        let (hook, sent) = try store.cli.payloadCollector()
        store.cli.extraEnvironment["ESCALATOR_CONFIG"] = try store.cli.write("escalator.toml", """
            [hooks.commands]
            stalled = ["\(hook)"]
            breach_warning = ["\(hook)"]
            reescalated = ["\(hook)"]
            """)
        for i in 0..<3 {
            let id = try store.cli.new(["--severity", "high"], title: "Stalling \(i)")
            #expect(try store.cli.run("ack", id, "--owner", "Carla").code == 0)
        }
        try? FileManager.default.removeItem(atPath: sent)
        let later = "2026-03-27T09:00:00Z"
        let due = try store.cli.json("notify", "--dry-run", "--json", at: later) as! [[String: Any]]
        #expect(due.count >= 3, "something is due for every escalation")
        // Four senders at once: as cron jobs on four hosts would be (each may wait for the others).
        store.cli.extraEnvironment["ESCALATOR_LOCK_TIMEOUT"] = "60"
        let cli = store.cli
        let results = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let result = try? cli.run("notify", "--json", at: later)
            if result?.code != 0 { results.add(result?.err ?? "did not run") }
            if let out = result?.out, let items = try? JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]] {
                for item in items { results.add("sent \(item["kind"] ?? "") \(item["id"] ?? "") \(item["level"] ?? "")") }
            }
        }
        let failures = results.all.filter { !$0.hasPrefix("sent ") }
        #expect(failures.isEmpty, "\(failures)")
        let claimed = results.all.filter { $0.hasPrefix("sent ") }
        #expect(claimed.count == due.count, "each notification is reported sent by one process: \(claimed)")
        let lines = ((try? String(contentsOfFile: sent, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(lines.count == due.count, "each hook ran once per notification: \(lines.count) of \(due.count)")
        let keys = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["idempotency_key"] as? String
        }
        #expect(Set(keys).count == due.count, "no notification twice")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.notified") == String(due.count))
        let again = try store.cli.json("notify", "--json", at: later) as! [[String: Any]]
        #expect(again.isEmpty, "a later run sends nothing again")
    }

    @Test func notifyWithTheSendersLockHeldElsewhereExits75NamingTheHolder() throws {
        var store = try BackendStore(.postgresql)
        defer { store.remove() }
        let id = try store.cli.new(["--severity", "high"])
        #expect(try store.cli.run("ack", id, "--owner", "Carla").code == 0)
        let later = "2026-03-27T09:00:00Z"
        // Another host's notify, as far as the server can tell: a session holding the senders' lock.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: PostgresCluster.psqlPath)
        holder.arguments = ["-X", "-q", store.name.replacingOccurrences(of: "user=\(PostgresCluster.osLogin)", with: "user=postgres"),
                            "-c", "SELECT pg_advisory_lock(7360128); SELECT pg_sleep(3);"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { holder.waitUntilExit() }
        try PostgresCluster.waitFor(in: store.name, "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()", toBe: "1")
        store.cli.extraEnvironment["ESCALATOR_LOCK_TIMEOUT"] = "1"
        let busy = try store.cli.run("notify", at: later)
        #expect(busy.code == 75, "\(busy.err)")
        #expect(busy.err.contains("postgres (server process"), "names who holds it: \(busy.err)")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.notified") == "0", "records nothing")
        holder.waitUntilExit()
        let sent = try store.cli.run("notify", at: later)
        #expect(sent.code == 0 && sent.out.contains(id), "\(sent.err)")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.notified") != "0")
    }

    @Test func aWriterKilledMidCommitLeavesNothingHalfWritten() throws {
        let store = try BackendStore(.postgresql)
        defer { store.remove() }
        let id = try store.cli.new(["--severity", "high"])
        // The server pauses the commit inside its transaction, after the event row is inserted, and
        // notices the client is gone while it waits.
        PostgresCluster.psql(in: store.name, """
            CREATE FUNCTION escalator.pause_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.body LIKE '%PAUSE-HERE%' THEN PERFORM pg_sleep(30); END IF; RETURN NEW; END $$;
            CREATE TRIGGER pause_for_test AFTER INSERT OR UPDATE ON escalator.escalations FOR EACH ROW EXECUTE FUNCTION escalator.pause_for_test();
            ALTER DATABASE \(PostgresCluster.name(store.name)) SET client_connection_check_interval = '100ms';
            """)
        let before = PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.events")
        let writer = Process()
        writer.executableURL = CLI.executable
        writer.arguments = ["update", id, "--note", "PAUSE-HERE"]
        var environment = ProcessInfo.processInfo.environment
        environment["ESCALATOR_STORE"] = store.name
        environment["ESCALATOR_NOW"] = store.cli.now
        writer.environment = environment
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        try PostgresCluster.waitFor(in: store.name, "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()", toBe: "1")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.events") == before, "nothing is visible mid-commit")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        try PostgresCluster.waitFor(in: store.name, "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()", toBe: "0")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.events") == before, "the killed commit left no event")
        #expect(PostgresCluster.psql(in: store.name, "SELECT last_sequence FROM escalator.head") == before, "nor moved the head")
        #expect(!PostgresCluster.psql(in: store.name, "SELECT body FROM escalator.escalations").contains("PAUSE-HERE"), "nor the state")
        let next = try store.cli.run("update", id, "--note", "After the crash", "--json")
        #expect(next.code == 0, "\(next.err)")
        #expect(PostgresCluster.psql(in: store.name, "SELECT count(*) FROM escalator.events") == String(Int(before)! + 1))
        let show = try store.cli.run("show", id, "--json")
        #expect(show.out.contains("After the crash") && !show.out.contains("PAUSE-HERE"))
    }
}

extension PostgresCluster {
    /// Polls a query until it answers `value` (at most 10 s).
    static func waitFor(in uri: String, _ query: String, toBe value: String) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if psql(in: uri, query) == value { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CLI.Failed(message: "\(query) did not become \(value) within 10 s")
    }
}
