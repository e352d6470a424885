import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// escalator_reader reads, escalator_writer reads and appends, and neither alters the schema.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresRoleTests {
    @Test func aReaderReadsButCannotWrite() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let id = try test.open().commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        let reader = try test.open(try test.login("reader", in: "escalator_reader"))
        #expect(reader.ledger[id]?.title == "Export truncates at 10k rows")
        do throws(StoreError) {
            try reader.commit(.acknowledge(owner: "dana"), on: id, context: Fixture.context("dana", 60))
            Issue.record("a reader wrote")
        } catch {
            guard case .denied(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains(reader.name.user) && message.contains("escalator_writer"), "\(message)")
            #expect(!message.contains("\n"))
        }
        #expect(throws: StoreError.self) { try reader.saveAccounts([Account(name: "Globex", arr: Money(1000))]) }
        #expect(try test.open().ledger.lastSequence == 1)
    }

    @Test func aWriterAppendsButCannotAlterTheSchemaOrTheTrail() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let writer = try test.login("writer", in: "escalator_writer")
        let store = try test.open(writer)
        let id = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        try store.commit(.acknowledge(owner: "dana"), on: id, context: Fixture.context("dana", 60))
        try store.saveAccounts([Account(name: "Globex", arr: Money(1000))])
        #expect(try store.accounts().map(\.name) == ["Globex"])
        for statement in ["ALTER TABLE escalator.events DISABLE TRIGGER events_append_only",
                          "DROP TRIGGER events_append_only ON escalator.events",
                          "DROP TABLE escalator.events",
                          "CREATE TABLE escalator.sneaky (x int)",
                          "UPDATE escalator.events SET body = '{}'",
                          "DELETE FROM escalator.events",
                          "UPDATE escalator.schema_version SET version = 2"] {
            #expect(throws: (any Error).self, Comment(rawValue: statement)) { try TestCluster.sql(writer, statement) }
        }
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM escalator.events") == [["2"]])
    }

    @Test func aLoginInNeitherRoleCannotRead() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let stranger = try test.login("stranger", in: nil)
        #expect { try test.open(stranger) } throws: { error in
            guard let error = error as? StoreError, case .denied = error else { return false }
            return true
        }
    }
}
