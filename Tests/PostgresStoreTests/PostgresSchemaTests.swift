import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// `init` on PostgreSQL: the schema, its version and the roles, once.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresSchemaTests {
    @Test func createMakesTheSchemaAndTheRolesThenSaysItExists() throws {
        let test = try TestCluster.database(initialised: false)
        defer { test.drop() }
        let made = try TestCluster.initLock.withLock { try PostgresStore.create(test.name, policy: .standard) }
        let created = try #require(made).created
        #expect(created.joined(separator: "\n").contains("escalator_reader"))
        #expect(try TestCluster.sql(test.name, "SELECT max(version) FROM escalator.schema_version") == [[String(Schema.version)]])
        let roles = try TestCluster.sql(test.name, "SELECT rolname, rolcanlogin::text FROM pg_roles WHERE rolname LIKE 'escalator_%' ORDER BY 1")
        #expect(roles == [["escalator_reader", "false"], ["escalator_writer", "false"]])
        let second = try TestCluster.initLock.withLock { try PostgresStore.create(test.name, policy: .standard) }
        #expect(second == nil)
        #expect(try test.open().ledger == Ledger())
    }

    @Test func aNewerSchemaIsRefusedClearly() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        try TestCluster.sql(test.name, "INSERT INTO escalator.schema_version (version) VALUES (99)")
        do throws(StoreError) {
            _ = try test.open()
            Issue.record("a schema newer than the binary was opened")
        } catch {
            guard case .newerSchema(let found, let known) = error else { Issue.record("\(error)"); return }
            #expect(found == 99 && known == Schema.version)
            #expect(error.description.contains("newer Escalator"))
        }
    }

    @Test func aDatabaseWithoutTheSchemaIsNoStore() throws {
        let test = try TestCluster.database(initialised: false)
        defer { test.drop() }
        #expect { try test.open() } throws: { error in
            "\(error)".contains("holds no Escalator store") && "\(error)".contains("escalator init")
        }
    }

    @Test func theOpenViewUsesItsIndexes() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let indexes = try TestCluster.sql(test.name, "SELECT indexname FROM pg_indexes WHERE schemaname = 'escalator' ORDER BY 1").map { $0[0] ?? "" }
        #expect(indexes.contains("escalations_open"))
        #expect(indexes.contains("escalations_closed_at"))
        #expect(indexes.contains("events_applied_once"))
    }
}
