import Foundation
import Testing

/// Every command behaves the same on a JSON directory and on a PostgreSQL database: one script of
/// commands, with the clock fixed, run against a fresh store of each kind, and every output compared
/// byte for byte (the store's name aside).
@Suite(.enabled(if: PostgresCluster.uri != nil, "ESCALATOR_TEST_PG is not set: run through `make test` (or .ci/postgres) to test against a private PostgreSQL cluster"))
struct StoreParityTests {
    struct Step {
        var arguments: [String]
        var at: String
        var actor: String? = nil
        /// The exit code the directory store gives (0 unless the script checks a refusal).
        var code: Int32 = 0
    }

    static func step(_ at: String, _ arguments: String..., as actor: String? = nil, code: Int32 = 0) -> Step {
        Step(arguments: arguments, at: at, actor: actor, code: code)
    }

    @Test func everyCommandPrintsTheSameOnBothStores() throws {
        var directory = try BackendStore(.directory)
        defer { directory.remove() }
        var postgres = try BackendStore(.postgresql)
        defer { postgres.remove() }
        // Hooks on both, one that fails, so the outbox has deliveries, failures and retries to show.
        let config = try directory.cli.write("escalator.toml", """
            [hooks.commands]
            routed = ["/bin/true"]
            acknowledged = ["/bin/false"]
            stalled = ["/bin/true"]
            breach_warning = ["/bin/true"]
            """)
        directory.cli.extraEnvironment["ESCALATOR_CONFIG"] = config
        postgres.cli.extraEnvironment["ESCALATOR_CONFIG"] = config
        let accounts = try directory.cli.write("accounts.csv", """
            name,arr,currency,segment,renewal,health,strategic
            Acme Corp,85000,EUR,enterprise,2026-06-30,62,yes
            Globex,40000,EUR,mid_market,,80,
            """)
        let escalations = try directory.cli.write("escalations.csv", """
            title,account,category,severity,created_at
            Invoices doubled,Initech,service_failure,medium,2026-03-09T10:00:00Z
            """)
        // The fourth comes from the CSV import, the fifth from reopening the first.
        let a = "ESC-2026-0001", b = "ESC-2026-0002", c = "ESC-2026-0003", e = "ESC-2026-0005"
        let day1 = "2026-03-10T", day2 = "2026-03-11T"
        let script: [Step] = [
            Self.step(day1 + "07:00:00Z", "accounts", "import", accounts),
            Self.step(day1 + "07:01:00Z", "accounts", "list", "--json"),
            Self.step(day1 + "07:05:00Z", "new", "--account", "Acme Corp", "--title", "Reports time out", "--category", "product_defect",
                      "--severity", "high", "--impact", "5", "--value", "5", "--urgency", "4", "--capability", "3"),
            Self.step(day1 + "07:10:00Z", "new", "--account", "Globex", "--title", "Export is slow", "--category", "feature_gap", "--severity", "medium"),
            Self.step(day1 + "07:15:00Z", "new", "--account", "Initech", "--title", "SSO login loop", "--category", "product_defect",
                      "--severity", "high", "--arr", "30000"),
            Self.step(day1 + "07:20:00Z", "import", escalations),
            Self.step(day1 + "07:30:00Z", "ack", a, "--owner", "Mike", "--json", as: "mike"),
            Self.step(day1 + "07:40:00Z", "start", a, "--json", as: "mike"),
            Self.step(day1 + "07:50:00Z", "update", a, "--note", "Reproduced on staging", "--json", as: "mike"),
            Self.step(day1 + "07:55:00Z", "update", a, "--customer", "--note", "Told Acme we are on it", "--json"),
            Self.step(day1 + "08:00:00Z", "assign", a, "--owner", "Dana", "--json"),
            Self.step(day1 + "08:05:00Z", "severity", a, "critical", "--reason", "Second region down", "--json"),
            Self.step(day1 + "08:10:00Z", "tier", a, "3", "--reason", "Renewal in 60 days", "--json"),
            Self.step(day1 + "08:15:00Z", "wait", a, "--on", "customer", "--reason", "Awaiting logs", "--json"),
            Self.step(day1 + "08:20:00Z", "resume", a, "--reason", "Logs arrived", "--json"),
            Self.step(day1 + "08:25:00Z", "link", a, "--pattern", "report-timeouts", "--json"),
            Self.step(day1 + "08:30:00Z", "update", a, "--note", "A note to take back", "--json"),
            Self.step(day1 + "08:31:00Z", "undo", a, "--json"),
            Self.step(day1 + "08:35:00Z", "ack", b, "--owner", "Mike", "--json"),
            Self.step(day1 + "08:36:00Z", "advance", b, "--json"),
            Self.step(day1 + "08:37:00Z", "back", b, "--reason", "Not started after all", "--json"),
            Self.step(day1 + "08:38:00Z", "ack", b, "--owner", "Dana", code: 65),
            Self.step(day1 + "08:40:00Z", "resolve", a, "--resolution", "Index added; p95 back to 300 ms", "--json"),
            Self.step(day1 + "08:45:00Z", "deescalate", a, "--root-cause", "Missing index", "--fix", "Index added", "--customer-confirmed",
                      "--monitoring-complete", "--learning", "Watch p95 on reports", "--json"),
            Self.step(day1 + "08:50:00Z", "close", a, "--json"),
            Self.step(day1 + "09:00:00Z", "reopen", a, "--reason", "Timeouts are back", "--json"),
            Self.step(day1 + "09:01:00Z", "ack", e, "--owner", "Dana", "--json"),
            Self.step(day1 + "09:02:00Z", "start", e, "--json"),
            Self.step(day1 + "09:05:00Z", "resolve", e, "--resolution", "Second index", "--json"),
            Self.step(day1 + "09:06:00Z", "close", e, "--json"),
            Self.step(day1 + "09:10:00Z", "assess", "--severity", "high", "--segment", "enterprise", "--json"),
            Self.step(day1 + "09:15:00Z", "draft", c, "--for", "customer", "--json"),
            Self.step(day1 + "09:16:00Z", "brief", c, "--json"),
            Self.step(day1 + "09:17:00Z", "explain", c, "--json"),
            Self.step(day1 + "09:18:00Z", "lint", c, "--json", code: 65),
            Self.step(day1 + "09:19:00Z", "forecast", "--within", "4h", "--json"),
            Self.step(day2 + "09:00:00Z", "notify", "--json"),
            Self.step(day2 + "09:01:00Z", "notify", "--json"),
            Self.step(day2 + "09:02:00Z", "outbox", "--all", "--json"),
            Self.step(day2 + "09:02:00Z", "outbox"),
            Self.step(day2 + "09:03:00Z", "outbox", "retry", "--all"),
            Self.step(day2 + "09:04:00Z", "outbox", "--all", "--json"),
            Self.step(day2 + "09:04:00Z", "notify", "--dry-run"),
            Self.step(day2 + "09:04:00Z", "accounts", "list"),
            Self.step(day2 + "09:04:00Z", "list"),
            Self.step(day2 + "09:04:00Z", "list", "--all"),
            Self.step(day2 + "09:04:00Z", "show", a),
            Self.step(day2 + "09:04:00Z", "forecast", "--within", "4h"),
            Self.step(day2 + "09:04:00Z", "metrics"),
            Self.step(day2 + "09:05:00Z", "list", "--json"),
            Self.step(day2 + "09:05:00Z", "list", "--all", "--json"),
            Self.step(day2 + "09:05:00Z", "list", "--status", "stalled", "--json"),
            Self.step(day2 + "09:06:00Z", "show", a, "--json"),
            Self.step(day2 + "09:06:00Z", "show", b, "--json"),
            Self.step(day2 + "09:10:00Z", "metrics", "--json"),
            Self.step(day2 + "09:11:00Z", "report", "weekly", "--date", "2026-03-11", "--json"),
            Self.step(day2 + "09:12:00Z", "export", "--format", "json"),
            Self.step(day2 + "09:13:00Z", "export", "--format", "csv"),
            // Long after the close: the closed escalation is archived (a query on PostgreSQL).
            Self.step("2026-06-01T09:00:00Z", "update", b, "--note", "Still on it", "--json"),
            Self.step("2026-06-01T09:01:00Z", "list", "--all", "--json"),
            Self.step("2026-06-01T09:02:00Z", "show", a, "--json"),
            Self.step("2026-06-01T09:03:00Z", "reopen", a, "--reason", "Third time", "--json"),
            Self.step("2026-06-01T09:04:00Z", "list", "--all", "--json"),
            Self.step("2026-06-01T09:05:00Z", "metrics", "--json"),
            Self.step("2026-06-01T09:06:00Z", "show", "ESC-2026-0099", code: 65),
        ]
        for step in script {
            var directoryCLI = directory.cli
            // The directory store archives when it compacts, the database by age at once: once the
            // first escalation is past the archive age every write compacts, so both archive it.
            if step.at.hasPrefix("2026-06") { directoryCLI.extraEnvironment["ESCALATOR_COMPACTION_THRESHOLD"] = "1" }
            let mine = try directoryCLI.run(step.arguments, at: step.at, as: step.actor)
            let theirs = try postgres.cli.run(step.arguments, at: step.at, as: step.actor)
            let label = step.arguments.joined(separator: " ")
            #expect(mine.code == step.code, "directory: \(label): \(mine.err)")
            #expect(theirs.code == mine.code, "postgresql: \(label): \(theirs.err)")
            let expected = mine.out.replacingOccurrences(of: directory.name, with: "STORE")
            let found = theirs.out.replacingOccurrences(of: postgres.name, with: "STORE")
            if found != expected, let dump = ProcessInfo.processInfo.environment["PARITY_DUMP"] {
                try? expected.write(toFile: dump + ".directory", atomically: true, encoding: .utf8)
                try? found.write(toFile: dump + ".postgresql", atomically: true, encoding: .utf8)
            }
            #expect(found == expected, "\(label): the stores print differently:\n\(Self.firstDifference(expected, found))")
            let expectedErr = mine.err.replacingOccurrences(of: directory.name, with: "STORE")
            let foundErr = theirs.err.replacingOccurrences(of: postgres.name, with: "STORE")
            #expect(foundErr == expectedErr, "\(label): standard error differs")
        }
    }

    /// The first line where two outputs part, with its neighbours.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return "line \(i + 1):\n  directory:  \(i < x.count ? String(x[i]) : "(end)")\n  postgresql: \(i < y.count ? String(y[i]) : "(end)")"
        }
        return "(the same)"
    }
}
