import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// The trail the database enforces: append-only for every role, the login set by the server, no
/// decision applied twice.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresTrailTests {
    @Test func aSuperusersUpdateDeleteAndTruncateOfEventsAreRefused() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let store = try test.open()
        try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context())
        #expect(try TestCluster.sql(test.name, "SELECT rolsuper::text FROM pg_roles WHERE rolname = session_user") == [["true"]])
        for statement in ["UPDATE escalator.events SET body = '{}'", "DELETE FROM escalator.events", "TRUNCATE escalator.events"] {
            #expect(Comment(rawValue: statement)) { try TestCluster.sql(test.name, statement) } throws: { error in
                "\(error)".contains("append-only") || String(reflecting: error).contains("append-only")
            }
        }
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM escalator.events") == [["1"]])
        #expect(try test.open().ledger == store.ledger)
    }

    @Test func theLoginIsTheSessionUserWhateverTheClientSends() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let alice = try test.login("alice", in: "escalator_writer")
        let store = try test.open(alice)
        // The displayed actor is the client's to choose; the login is not.
        let event = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context("bob"))
        #expect(event.actor == "bob")
        let recorded = try TestCluster.sql(test.name, "SELECT login, body FROM escalator.events WHERE sequence = \(event.sequence)")
        #expect(recorded.first?[0] == alice.user)
        #expect(recorded.first?[1]?.contains("\"actor\":\"bob\"") == true)
        #expect(store.ledger[event.escalation]?.history.last?.login == alice.user)
        #expect(try test.open().ledger[event.escalation]?.history.last?.login == alice.user)
        // Another process catching up takes the login from the server's column.
        let watcher = try test.open()
        let next = try store.commit(.acknowledge(owner: "dana"), on: event.escalation, context: Fixture.context("bob", 60))
        #expect(try watcher.refresh().map(\.login) == [alice.user])
        #expect(next.login == alice.user)
        // A writer that inserts by hand and names someone else still gets its own login recorded.
        try TestCluster.sql(alice, """
            INSERT INTO escalator.events (sequence, escalation, expected_revision, event_time, body, login)
            VALUES (99, 'ESC-2026-0099', 0, now(), '{}', 'mallory')
            """)
        #expect(try TestCluster.sql(test.name, "SELECT login FROM escalator.events WHERE sequence = 99") == [[alice.user]])
    }

    @Test func theSameDecisionCannotBeAppliedTwice() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let store = try test.open()
        let created = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context())
        let ack = try store.commit(.acknowledge(owner: "dana"), on: created.escalation, context: Fixture.context("alice", 60))
        // A bug above the database that appended the same decision again (same escalation, same
        // revision) is stopped by the unique constraint.
        var again = ack
        again.sequence = 0
        do throws(StoreError) {
            try store.commitBatch([again])
            Issue.record("the same decision was applied twice")
        } catch {
            guard case .rejected(let why) = error else { Issue.record("\(error)"); return }
            #expect(why.kind == .conflict, "\(why)")
        }
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM escalator.events") == [["2"]])
        #expect(try TestCluster.sql(test.name, "SELECT last_sequence FROM escalator.head") == [["2"]])
        #expect(throws: (any Error).self) {
            try TestCluster.sql(test.name, """
                INSERT INTO escalator.events (sequence, escalation, expected_revision, event_time, body)
                VALUES (3, '\(created.escalation)', 1, now(), '{}')
                """)
        }
    }

    @Test func eventsAreTheJSONTheDirectoryStoreWritesAndReplayIdentically() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgreplay-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try Store.create(at: directory, policy: .standard)
        let database = try test.open()
        let steps: [([Command], Bool, String, TimeInterval)] = [
            ([.create(Fixture.draft())], false, "alice", 0),
            ([.acknowledge(owner: "dana")], true, "dana", 60),
            ([.edit(Edit(title: "Exports fail for EU tenants")), .severity(.critical, reason: "Second customer hit")], true, "alice", 120),
            ([.start], true, "dana", 180),
            ([.note("Root cause found")], true, "dana", 240.5),
        ]
        /// The events as both stores replay them, but for the login: the process's OS login in a
        /// directory, the database session user in PostgreSQL.
        func withoutLogin(_ events: [Event]) -> [Event] { events.map { var e = $0; e.login = nil; return e } }
        func withoutLogins(_ ledger: Ledger) -> [EscalationID: [HistoryEntry]] {
            ledger.escalations.mapValues { $0.history.map { var h = $0; h.login = nil; return h } }
        }
        var id: EscalationID?
        for (commands, onIt, actor, offset) in steps {
            let a = try files.commit(commands, on: onIt ? id : nil, context: Fixture.context(actor, offset))
            let b = try database.commit(commands, on: onIt ? id : nil, context: Fixture.context(actor, offset))
            #expect(withoutLogin(a) == withoutLogin(b))
            #expect(b.allSatisfy { $0.login == test.name.user })
            id = a[0].escalation
        }
        #expect(withoutLogins(files.ledger) == withoutLogins(database.ledger))
        #expect(try test.open().ledger == database.ledger)
        // The same JSON: each stored body decodes as the journal's event with the database's login.
        let journal = try String(contentsOf: directory.appendingPathComponent("journal-1.jsonl"), encoding: .utf8)
        let bodies = try TestCluster.sql(test.name, "SELECT body FROM escalator.events ORDER BY sequence").map { $0[0]! }
        let expected = try files.ledger.escalations.values.flatMap(\.history).sorted { $0.sequence < $1.sequence }
        #expect(bodies.count == expected.count && journal.split(separator: "\n").count == expected.count + 1)
        for (body, entry) in zip(bodies, expected) {
            var event = try StoredJSON.decodeEvent(Array(body.utf8))
            #expect(event.login == test.name.user)
            event.login = entry.login
            #expect(event.sequence == entry.sequence && event.change == entry.change && event.actor == entry.actor && event.time == entry.time)
            #expect(String(decoding: try StoredJSON.encode(event).bytes, as: UTF8.self).count > 0)
            #expect(journal.contains(String(decoding: try StoredJSON.encode(event).bytes, as: UTF8.self)),
                    "with the journal's login, the body is the journal's line")
        }
    }
}
