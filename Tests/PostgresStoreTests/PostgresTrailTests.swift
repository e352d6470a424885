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
        var id: EscalationID?
        for (commands, onIt, actor, offset) in steps {
            let a = try files.commit(commands, on: onIt ? id : nil, context: Fixture.context(actor, offset))
            let b = try database.commit(commands, on: onIt ? id : nil, context: Fixture.context(actor, offset))
            #expect(a == b)
            id = a[0].escalation
        }
        #expect(files.ledger == database.ledger)
        #expect(try test.open().ledger == files.ledger)
        let journal = try String(contentsOf: directory.appendingPathComponent("journal-1.jsonl"), encoding: .utf8)
        for body in try TestCluster.sql(test.name, "SELECT body FROM escalator.events ORDER BY sequence") {
            #expect(journal.contains(body[0]!), "the journal holds the same JSON: \(body[0]!)")
        }
    }
}
