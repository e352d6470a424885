import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// An older schema is upgraded by an explicit command, never by accident; a newer one is refused.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresUpgradeTests {
    /// A database holding the schema exactly as version 1 made it.
    private func versionOne() throws -> TestDatabase {
        let test = try TestCluster.database(initialised: false)
        try TestCluster.initLock.withLock {
            for statement in Schema.createVersion1 { try TestCluster.sql(test.name, statement) }
        }
        return test
    }

    @Test func anOlderSchemaIsRefusedUntilUpgradedExplicitlyThenOpens() throws {
        let test = try versionOne()
        defer { test.drop() }
        #expect(Schema.version > 1)
        do throws(StoreError) {
            _ = try test.open()
            Issue.record("an older schema was opened without an upgrade")
        } catch {
            #expect(error.description.contains("older than this Escalator's \(Schema.version)"), "\(error)")
            #expect(error.description.contains("escalator init --upgrade"), "\(error)")
        }
        // The refusal changed nothing: still version 1, no new column.
        #expect(try TestCluster.sql(test.name, "SELECT max(version) FROM escalator.schema_version") == [["1"]])
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'original_login'") == [["0"]])
        let done = try PostgresStore.upgrade(test.name)
        #expect(done.from == 1 && done.to == Schema.version)
        #expect(done.steps.count == Schema.upgrades.count)
        #expect(try TestCluster.sql(test.name, "SELECT max(version) FROM escalator.schema_version") == [[String(Schema.version)]])
        let store = try test.open()
        let created = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context())
        #expect(try test.open().ledger[created.escalation] != nil)
        // A second upgrade has nothing to do.
        #expect(try PostgresStore.upgrade(test.name).steps.isEmpty)
    }

    @Test func anUpgradedSchemaIsTheSameAsANewOne() throws {
        let old = try versionOne()
        let new = try TestCluster.database()
        defer { old.drop(); new.drop() }
        _ = try PostgresStore.upgrade(old.name)
        let shape = """
            SELECT table_name::text || '.' || column_name::text || ':' || data_type::text FROM information_schema.columns
            WHERE table_schema = 'escalator' ORDER BY table_name, column_name
            """
        #expect(try TestCluster.sql(old.name, shape) == TestCluster.sql(new.name, shape))
        let grants = """
            SELECT has_column_privilege('escalator_writer', 'escalator.events', 'original_login', 'INSERT')::text,
                   has_column_privilege('escalator_writer', 'escalator.events', 'body', 'INSERT')::text
            """
        #expect(try TestCluster.sql(old.name, grants) == [["false", "true"]])
        #expect(try TestCluster.sql(new.name, grants) == [["false", "true"]])
    }

    @Test func aNewerSchemaIsNotUpgradedAndStaysAsItWas() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        try TestCluster.sql(test.name, "INSERT INTO escalator.schema_version (version) VALUES (99)")
        #expect { try PostgresStore.upgrade(test.name) } throws: { error in
            guard case StoreError.newerSchema(let found, _) = error else { return false }
            return found == 99
        }
        #expect(try TestCluster.sql(test.name, "SELECT max(version) FROM escalator.schema_version") == [["99"]])
    }
}
