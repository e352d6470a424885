import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// `doctor` on PostgreSQL: each guard broken on purpose (as the superuser), and seen.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresDoctorTests {
    /// A store with two escalations and a few events.
    private func store() throws -> (TestDatabase, EscalationID) {
        let test = try TestCluster.database()
        let store = try test.open()
        let first = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context())
        try store.commit(.acknowledge(owner: "dana"), on: first.escalation, context: Fixture.context("alice", 60))
        try store.commit(.create(Fixture.draft("Second")), on: nil, context: Fixture.context("bob", 120))
        return (test, first.escalation)
    }

    private func problems(_ test: TestDatabase) throws -> [String] {
        try PostgresStore.doctor(test.name).problems
    }

    @Test func aStoreAsInitAndCommitsLeaveItIsHealthy() throws {
        let (test, _) = try store()
        defer { test.drop() }
        let report = try PostgresStore.doctor(test.name)
        #expect(report.isHealthy, "\(report)")
        #expect(report.notes.contains("schema version \(Schema.version)"))
        #expect(report.notes.contains("3 events"))
        #expect(report.notes.contains { $0.contains("agrees with the events (2 escalations)") }, "\(report.notes)")
    }

    @Test func missingDisabledOrHollowTriggersAreReported() throws {
        let (test, _) = try store()
        defer { test.drop() }
        try TestCluster.sql(test.name, "DROP TRIGGER events_no_truncate ON escalator.events")
        #expect(try problems(test) == ["the trigger events_no_truncate on events is missing: TRUNCATE on events is no longer refused"])
        try TestCluster.sql(test.name, "ALTER TABLE escalator.events DISABLE TRIGGER events_login")
        #expect(try problems(test).contains("the trigger events_login on events is disabled: the login of new events is no longer set by the server"))
        try TestCluster.sql(test.name, "CREATE OR REPLACE FUNCTION escalator.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$")
        let hollow = try problems(test)
        #expect(hollow.contains { $0.hasPrefix("the trigger events_append_only runs refuse_change, which no longer does") }, "\(hollow)")
    }

    @Test func grantsBeyondOrShortOfTheSchemasAreReported() throws {
        let (test, _) = try store()
        defer { test.drop() }
        try TestCluster.sql(test.name, "GRANT UPDATE, DELETE ON escalator.events TO escalator_writer",
                            "REVOKE SELECT ON escalator.accounts FROM escalator_reader",
                            "GRANT INSERT (original_login) ON escalator.events TO escalator_writer")
        let found = try problems(test)
        #expect(found.contains("escalator_writer holds UPDATE on escalator.events, which it must not"), "\(found)")
        #expect(found.contains("escalator_writer holds DELETE on escalator.events, which it must not"), "\(found)")
        #expect(found.contains("escalator_reader lacks SELECT on escalator.accounts"), "\(found)")
        #expect(found.contains { $0.contains("may insert events.original_login") }, "\(found)")
    }

    @Test func gapsInTheSequenceAndAWrongHeadAreReported() throws {
        let (test, _) = try store()
        defer { test.drop() }
        // Only by switching the triggers off (a superuser's replication mode) can an event go.
        try TestCluster.sql(test.name, "SET session_replication_role = replica", "DELETE FROM escalator.events WHERE sequence = 2")
        let found = try problems(test)
        #expect(found.contains("the event sequence has gaps (1 number missing, first at 2)"), "\(found)")
        try TestCluster.sql(test.name, "UPDATE escalator.head SET last_sequence = 7")
        #expect(try problems(test).contains("the head says the last event is 7, but the last in events is 3"))
    }

    @Test func aCurrentStateRowAWriterChangedIsReported() throws {
        let (test, id) = try store()
        defer { test.drop() }
        let alice = try test.login("alice", in: "escalator_writer")
        try TestCluster.sql(alice, "UPDATE escalator.escalations SET status = 'closed' WHERE id = '\(id)'")
        let found = try problems(test)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("the escalations table disagrees with the events for 1 escalation: \(id)") == true, "\(found)")
        #expect(found.first?.contains("columns: closed") == true, "\(found)")
        try TestCluster.sql(test.name, "DELETE FROM escalator.escalations WHERE id = '\(id)'")
        #expect(try problems(test).first?.contains("\(id) has events but no row in escalations") == true)
    }

    @Test func anOlderSchemaIsReportedWithItsUpgrade() throws {
        let test = try TestCluster.database(initialised: false)
        defer { test.drop() }
        try TestCluster.initLock.withLock {
            for statement in Schema.createVersion1 { try TestCluster.sql(test.name, statement) }
        }
        let found = try problems(test)
        #expect(found.contains { $0.contains("version 1, older") && $0.contains("escalator init --upgrade") }, "\(found)")
    }
}
