import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO

/// What `doctor` found in a PostgreSQL store: problems make it unhealthy; notes are facts.
public struct PostgresDoctorReport: Sendable, CustomStringConvertible {
    public var problems: [String] = []
    public var notes: [String] = []
    public var isHealthy: Bool { problems.isEmpty }

    public var description: String {
        var lines = [isHealthy ? "The store is healthy." : "The store has \(problems.count) problem\(problems.count == 1 ? "" : "s"):"]
        lines += problems.map { "  problem: \($0)" }
        lines += notes.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension PostgresStore {
    /// Checks, in one read-only snapshot and changing nothing: the schema version, the append-only
    /// and login triggers (present, enabled, doing their job), the roles and their grants (no more and
    /// no less than `Schema` gives), gaps in the event sequence and the head, and that the derived
    /// current-state table is what the events replay to (a writer may UPDATE it directly).
    public static func doctor(_ name: ConnectionName) throws(StoreError) -> PostgresDoctorReport {
        let connection = try connect(name)
        defer { try? connection.close().wait() }
        return try run(name) { () throws -> PostgresDoctorReport in
            var report = PostgresDoctorReport()
            _ = try connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger).wait()
            defer { _ = try? connection.query("ROLLBACK", logger: logger).wait() }
            func texts(_ sql: String) throws -> [[String?]] {
                try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait().map { row in
                    try row.map { cell in cell.bytes == nil ? nil : try cell.decode(String.self) }
                }
            }
            guard try texts("SELECT nspname::text FROM pg_namespace WHERE nspname = 'escalator'").count == 1 else {
                report.problems.append("the database holds no Escalator store (no schema escalator); create one with `escalator init --store URI`")
                return report
            }
            // The version.
            let version = try texts("SELECT max(version)::text FROM escalator.schema_version").first?.first.flatMap { $0.flatMap(Int.init) }
            if let version {
                if version > Schema.version {
                    report.problems.append("the schema is version \(version), newer than this Escalator's \(Schema.version); check it with a newer Escalator")
                    return report
                } else if version < Schema.version {
                    report.problems.append("the schema is version \(version), older than this Escalator's \(Schema.version); upgrade it with `escalator init --upgrade --store URI`")
                } else {
                    report.notes.append("schema version \(version)")
                }
            } else {
                report.problems.append("no schema version is recorded")
            }
            report.problems += try triggerProblems(texts)
            report.problems += try roleProblems(texts, version: version ?? Schema.version)
            let trail = try trailProblems(connection, texts, loginColumn: (version ?? Schema.version) >= 3 ? recordedLogin : "login::text")
            report.problems += trail.problems
            report.notes += trail.notes
            return report
        }
    }

    /// The three triggers exist, are enabled, and their functions still refuse and stamp.
    private static func triggerProblems(_ texts: (String) throws -> [[String?]]) throws -> [String] {
        var problems: [String] = []
        let found = try texts("""
            SELECT t.tgname::text, t.tgenabled::text, p.proname::text, p.prosrc FROM pg_trigger t
            JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = 'escalator.events'::regclass AND NOT t.tgisinternal
            """)
        let expected = [("events_append_only", "refuse_change", "RAISE EXCEPTION", "UPDATE and DELETE on events are no longer refused"),
                        ("events_no_truncate", "refuse_change", "RAISE EXCEPTION", "TRUNCATE on events is no longer refused"),
                        ("events_login", "stamp_login", "session_user", "the login of new events is no longer set by the server")]
        for (trigger, function, must, consequence) in expected {
            guard let row = found.first(where: { $0[0] == trigger }) else {
                problems.append("the trigger \(trigger) on events is missing: \(consequence)")
                continue
            }
            if row[1] == "D" { problems.append("the trigger \(trigger) on events is disabled: \(consequence)") }
            if row[2] != function || !(row[3] ?? "").contains(must) {
                problems.append("the trigger \(trigger) runs \(row[2] ?? "?"), which no longer does what escalator.\(function) did: \(consequence)")
            }
        }
        return problems
    }

    /// Both roles exist without LOGIN; each holds what `Schema` grants, and nothing that would let it
    /// rewrite the trail or the schema.
    private static func roleProblems(_ texts: (String) throws -> [[String?]], version: Int) throws -> [String] {
        var problems: [String] = []
        let reader = Schema.readerRole, writer = Schema.writerRole
        let roles = try texts("SELECT rolname::text, rolcanlogin::text FROM pg_roles WHERE rolname IN ('\(reader)', '\(writer)')")
        for role in [reader, writer] {
            guard let row = roles.first(where: { $0[0] == role }) else {
                problems.append("the role \(role) is missing")
                continue
            }
            if row[1] == "true" { problems.append("the role \(role) can log in; it should be a NOLOGIN group that people are granted") }
        }
        guard roles.count == 2 else { return problems }
        if try texts("SELECT pg_has_role('\(writer)', '\(reader)', 'MEMBER')::text").first?.first == "false" {
            problems.append("\(writer) is not a member of \(reader), so writers cannot read")
        }
        // Version 2's notification record, outbox and hooks log: writers append, readers only read.
        let notificationTables = version >= 2 ? ["notified", "outbox", "hook_log"] : []
        let tables = ["events", "escalations", "head", "accounts", "schema_version"] + notificationTables
        // (role, object, privilege, should hold it)
        var checks: [(String, String, String, Bool)] = []
        for table in tables { checks.append((reader, "escalator.\(table)", "SELECT", true)) }
        for table in tables {
            for privilege in ["INSERT", "UPDATE", "DELETE", "TRUNCATE"] { checks.append((reader, "escalator.\(table)", privilege, false)) }
        }
        // A writer inserts events column by column (not original_login): checked below, by column.
        checks += [(writer, "escalator.head", "UPDATE", true),
                   (writer, "escalator.escalations", "INSERT", true), (writer, "escalator.escalations", "UPDATE", true),
                   (writer, "escalator.accounts", "INSERT", true), (writer, "escalator.accounts", "UPDATE", true),
                   (writer, "escalator.events", "UPDATE", false), (writer, "escalator.events", "DELETE", false),
                   (writer, "escalator.events", "TRUNCATE", false), (writer, "escalator.escalations", "DELETE", false),
                   (writer, "escalator.schema_version", "INSERT", false), (writer, "escalator.schema_version", "UPDATE", false)]
        for table in notificationTables {
            checks += [(writer, "escalator.\(table)", "INSERT", true), (writer, "escalator.\(table)", "UPDATE", false)]
        }
        for (role, table, privilege, wanted) in checks {
            let has = try texts("SELECT has_table_privilege('\(role)', '\(table)', '\(privilege)')::text").first?.first == "true"
            if has != wanted {
                problems.append(wanted ? "\(role) lacks \(privilege) on \(table)" : "\(role) holds \(privilege) on \(table), which it must not")
            }
        }
        if try texts("SELECT has_column_privilege('\(writer)', 'escalator.events', 'body', 'INSERT')::text").first?.first != "true" {
            problems.append("\(writer) lacks INSERT on escalator.events")
        }
        if version >= 3, try texts("SELECT has_column_privilege('\(writer)', 'escalator.events', 'original_login', 'INSERT')::text").first?.first == "true" {
            problems.append("\(writer) may insert events.original_login, so a writer could claim another's login")
        }
        for role in [reader, writer] {
            if try texts("SELECT has_schema_privilege('\(role)', 'escalator', 'USAGE')::text").first?.first != "true" {
                problems.append("\(role) lacks USAGE on schema escalator")
            }
            if try texts("SELECT has_schema_privilege('\(role)', 'escalator', 'CREATE')::text").first?.first == "true" {
                problems.append("\(role) may create objects in schema escalator")
            }
        }
        return problems
    }

    /// Gaps in the sequence, the head, and the derived table against the replay of the events.
    private static func trailProblems(_ connection: PostgresConnection, _ texts: (String) throws -> [[String?]],
                                      loginColumn: String) throws -> (problems: [String], notes: [String]) {
        var problems: [String] = [], notes: [String] = []
        let counts = try texts("SELECT count(*)::text, coalesce(max(sequence), 0)::text, (SELECT last_sequence::text FROM escalator.head) FROM escalator.events")[0]
        let count = Int(counts[0] ?? "") ?? 0, last = Int(counts[1] ?? "") ?? 0
        notes.append("\(count) event\(count == 1 ? "" : "s")")
        let gaps = try texts("""
            SELECT (previous + 1)::text, (sequence - 1)::text FROM (
                SELECT sequence, coalesce(lag(sequence) OVER (ORDER BY sequence), 0) AS previous FROM escalator.events) numbered
            WHERE sequence <> previous + 1 ORDER BY sequence LIMIT 5
            """)
        if !gaps.isEmpty {
            let missing = last - count
            let ranges = gaps.map { $0[0] == $0[1] ? "\($0[0] ?? "?")" : "\($0[0] ?? "?")–\($0[1] ?? "?")" }
            problems.append("the event sequence has gaps (\(missing) number\(missing == 1 ? "" : "s") missing, first at \(ranges.joined(separator: ", ")))")
        }
        if let head = counts[2].flatMap(Int.init) {
            if head != last { problems.append("the head says the last event is \(head), but the last in events is \(last)") }
        } else {
            problems.append("the head row is missing")
        }
        guard gaps.isEmpty else {
            notes.append("the escalations table was not compared with the events: replay needs every number")
            return (problems, notes)
        }
        var ledger = Ledger()
        for row in try connection.query("SELECT body, \(unescaped: loginColumn) FROM escalator.events ORDER BY sequence", logger: logger).wait() {
            let (body, login) = try row.decode((String, String?).self)
            var event = try StoredJSON.decodeEvent(Array(body.utf8))
            event.login = login
            do { try ledger.apply(event) } catch {
                problems.append("event \(event.sequence) does not replay: \(error.reason)")
                return (problems, notes)
            }
        }
        var disagreements: [String] = []
        var seen: Set<EscalationID> = []
        for row in try connection.query("SELECT id, year, number, status, revision, closed_at, last_sequence, body FROM escalator.escalations ORDER BY year, number",
                                        logger: logger).wait() {
            let (id, year, number, status, revision, closedAt, lastSequence, body) = try row.decode((String, Int, Int, String, Int, Date?, Int, String).self)
            guard let key = EscalationID(id) else {
                disagreements.append("a row has the id \(id.debugDescription), which is no escalation id")
                continue
            }
            seen.insert(key)
            guard let replayed = ledger[key] else {
                disagreements.append("\(id) has a row but no events")
                continue
            }
            let stored = try? StoredJSON.decode(Escalation.self, from: Array(body.utf8))
            let columnsAgree = year == key.year && number == key.number && status == replayed.status.rawValue && revision == replayed.revision
                && lastSequence == (replayed.history.last?.sequence ?? 0)
                && closedAt.map { abs($0.timeIntervalSince(replayed.closedAt ?? .distantPast)) < 0.001 } ?? (replayed.closedAt == nil)
            if stored != replayed || !columnsAgree {
                disagreements.append("\(id) is stored as \(stored.map { "\($0.status.rawValue) at revision \($0.revision)" } ?? "an unreadable body")"
                                     + (columnsAgree ? "" : " (columns: \(status), revision \(revision))")
                                     + " but its events make it \(replayed.status.rawValue) at revision \(replayed.revision)")
            }
        }
        for id in ledger.escalations.keys.sorted() where !seen.contains(id) {
            disagreements.append("\(id) has events but no row in escalations")
        }
        if !disagreements.isEmpty {
            problems.append("the escalations table disagrees with the events for \(disagreements.count) escalation\(disagreements.count == 1 ? "" : "s"): "
                            + disagreements.prefix(5).joined(separator: "; ") + (disagreements.count > 5 ? "; …" : ""))
        } else {
            notes.append("the escalations table agrees with the events (\(seen.count) escalation\(seen.count == 1 ? "" : "s"))")
        }
        return (problems, notes)
    }
}
