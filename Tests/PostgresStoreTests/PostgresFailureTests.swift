import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO
import Testing
@testable import PostgresStore

/// Failures say what happened in a sentence, name the server and never the password.
@Suite struct PostgresFailureTests {
    @Test func anUnreachableServerIsNamedWithoutThePassword() throws {
        let nowhere = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgnowhere-\(UUID().uuidString.prefix(8))").path
        let name = try ConnectionName.parse("postgresql://alice:hunter2secret@/db?host=\(nowhere)", environment: [:])
        do throws(StoreError) {
            _ = try PostgresStore.open(name, policy: .standard)
            Issue.record("connected to nothing")
        } catch {
            guard case .unreachable(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains(nowhere), "\(message)")
            #expect(message.contains("there is no server socket there"), "\(message)")
            #expect(!message.contains("Failure") && !message.contains("NIO") && !message.contains("PSQL"), "says it in words: \(message)")
            #expect(!message.contains("hunter2secret"), "\(message)")
            #expect(!error.description.contains("hunter2secret"))
        }
    }

    @Test func aClosedTCPPortIsNamedWithoutThePassword() throws {
        let name = try ConnectionName.parse("postgresql://alice:hunter2secret@127.0.0.1:1/db?sslmode=disable", environment: [:])
        do throws(StoreError) {
            _ = try PostgresStore.open(name, policy: .standard)
            Issue.record("connected to port 1")
        } catch {
            guard case .unreachable(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("127.0.0.1:1"), "\(message)")
            #expect(message.contains("nothing listens there"), "\(message)")
            #expect(!message.contains("Failure") && !message.contains("NIO") && !message.contains("PSQL"), "says it in words: \(message)")
            #expect(!message.contains("hunter2secret"), "\(message)")
        }
    }

    @Test(.enabled(if: TestCluster.available, TestCluster.skipReason))
    func aWriteWaitingPastTheLockTimeoutIsBusy() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let store = try test.open()
        let id = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        // Another session holds the writers' turn (the head row) in an open transaction.
        let holder = try PostgresStore.connect(test.name)
        defer { try? holder.close().wait() }
        _ = try holder.query("BEGIN", logger: TestCluster.logger).wait()
        _ = try holder.query("SELECT * FROM escalator.head FOR UPDATE", logger: TestCluster.logger).wait()
        store.lockTimeout = .milliseconds(300)
        let started = ContinuousClock.now
        do throws(StoreError) {
            try store.commit(.acknowledge(owner: "dana"), on: id, context: Fixture.context("dana", 60))
            Issue.record("wrote past a held lock")
        } catch {
            guard case .busy = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("Store busy"))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        _ = try holder.query("ROLLBACK", logger: TestCluster.logger).wait()
        // Once the holder is gone the same write goes through.
        try store.commit(.acknowledge(owner: "dana"), on: id, context: Fixture.context("dana", 60))
        #expect(store.ledger[id]?.owner == "dana")
    }
}
