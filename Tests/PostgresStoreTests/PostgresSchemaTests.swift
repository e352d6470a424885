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

    @Test func anOlderSchemaIsRefusedNamingTheUpgradeAndLeftAsItIs() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        // A version-1 store: no notification record, outbox or hooks log tables yet.
        try TestCluster.sql(test.name, "UPDATE escalator.schema_version SET version = 1",
                            "DROP TABLE escalator.notified, escalator.outbox, escalator.hook_log")
        #expect { try test.open() } throws: { error in
            let text = "\(error)"
            return text.contains("version 1") && text.contains("escalator init --upgrade") && text.contains("nothing was changed")
        }
        #expect(try TestCluster.sql(test.name, "SELECT max(version) FROM escalator.schema_version") == [["1"]], "never upgraded by accident")
    }

    @Test func theVersion2TablesAreGrantedToTheRoles() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let writer = try test.login("wr", in: Schema.writerRole)
        let reader = try test.login("rd", in: Schema.readerRole)
        let store = try test.open(writer)
        try store.outbox.append([.seen(sequence: 0)])
        try store.hookLog(limit: 1024).append("a failure")
        #expect(try store.notificationRecord.record("k", queueing: []))
        let readOnly = try test.open(reader)
        #expect(try readOnly.notificationRecord.keys() == ["k"])
        #expect(try readOnly.outbox.state().state.seen == 0)
        #expect { try readOnly.outbox.append([.seen(sequence: 1)]) } throws: { error in
            guard case StoreError.denied = error else { return false }
            return true
        }
    }

    @Test func theHooksLogKeepsAboutTwiceItsLimit() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let log = try test.open().hookLog(limit: 100)
        for i in 0..<50 { try log.append("failure number \(i) of a hook that keeps failing") }
        let bytes = try TestCluster.sql(test.name, "SELECT sum(octet_length(line) + 1) FROM escalator.hook_log")[0][0].flatMap { Int($0) } ?? 0
        #expect(bytes <= 200 && bytes > 100, "\(bytes) bytes kept")
        #expect(try TestCluster.sql(test.name, "SELECT line FROM escalator.hook_log ORDER BY position DESC LIMIT 1") == [["failure number 49 of a hook that keeps failing"]])
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
