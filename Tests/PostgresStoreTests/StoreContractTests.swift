import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// The guarantees of `EscalationStoring`, one test body for both backends: a JSON directory and a
/// PostgreSQL database. Each test opens the store twice, as two processes would.
@Suite struct StoreContractTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case directory, postgresql
        var testDescription: String { rawValue }
    }

    /// A fresh store of one backend; `open()` opens it again as another process would.
    struct Fresh {
        let open: () throws -> any EscalationStoring
        let remove: () -> Void

        init?(_ backend: Backend) throws {
            switch backend {
            case .directory:
                let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("contract-\(UUID().uuidString.prefix(8))")
                _ = try Store.create(at: directory, policy: .standard)
                open = { try Store.open(at: directory, policy: .standard) }
                remove = { try? FileManager.default.removeItem(at: directory) }
            case .postgresql:
                guard TestCluster.available else {
                    print("skipped on postgresql: \(TestCluster.skipReason)")
                    return nil
                }
                let test = try TestCluster.database()
                open = { try test.open() }
                remove = { test.drop() }
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func severalCommandsCommitAllOrNothing(_ backend: Backend) throws {
        guard let fresh = try Fresh(backend) else { return }
        defer { fresh.remove() }
        let store = try fresh.open()
        let id = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        let before = store.ledger
        #expect(throws: StoreError.self) {
            try store.commit([.edit(Edit(title: "New title")), .severity(.critical, reason: "Worse"), .close],
                             on: id, context: Fixture.context("alice", 60))
        }
        #expect(store.ledger == before)
        let again = try fresh.open()
        #expect(again.ledger[id]?.title == "Export truncates at 10k rows" && again.ledger.lastSequence == 1, "nothing of the first two landed")
        let events = try store.commit([.edit(Edit(title: "New title")), .severity(.critical, reason: "Worse")],
                                      on: id, context: Fixture.context("alice", 90))
        #expect(events.map(\.sequence) == [2, 3] && events.map(\.expectedRevision) == [1, 2])
        let reread = try fresh.open()
        #expect(reread.ledger[id]?.title == "New title" && reread.ledger[id]?.severity == .critical)
    }

    @Test(arguments: Backend.allCases)
    func aStaleCommandIsRefusedNamingWhoDidWhat(_ backend: Backend) throws {
        guard let fresh = try Fresh(backend) else { return }
        defer { fresh.remove() }
        let mine = try fresh.open()
        let id = try mine.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        let theirs = try fresh.open()
        try theirs.commit(.acknowledge(owner: "bob"), on: id, context: Fixture.context("bob", 30))
        do throws(StoreError) {
            try mine.commit(.acknowledge(owner: "alice"), on: id, context: Fixture.context("alice", 50))
            Issue.record("a stale command was applied")
        } catch {
            guard case .rejected(let why) = error else { Issue.record("\(error)"); return }
            #expect(why.kind == .conflict)
            #expect(why.message.contains("bob") && why.message.contains("20 s ago"), "\(why.message)")
        }
        #expect(mine.ledger[id]?.owner == "bob", "the refused writer sees the change now")
        #expect(try fresh.open().ledger.lastSequence == 2)
    }

    @Test(arguments: Backend.allCases)
    func closedEscalationsPastTheArchiveAgeAreFoundByQuery(_ backend: Backend) throws {
        guard let fresh = try Fresh(backend) else { return }
        defer { fresh.remove() }
        let store = try fresh.open()
        let old = try store.commit(.create(Fixture.draft("Old")), on: nil, context: Fixture.context()).escalation
        try store.commit([.acknowledge(owner: "alice"), .start, .resolve(resolution: "Fixed")], on: old, context: Fixture.context("alice", 60))
        try store.commit([.close], on: old, context: Fixture.context("alice", 120))
        let later = Fixture.context("alice", 100 * 86_400)
        let current = try store.commit(.create(Fixture.draft("New")), on: nil, context: later).escalation
        (store as? Store).map { try? $0.compact() }
        let reader = try fresh.open()
        #expect(reader.ledger[old] == nil && reader.ledger[current] != nil, "the archived one is not read at start-up")
        #expect(try reader.isArchived(old) && !(try reader.isArchived(current)))
        #expect(try reader.archivedEscalation(old)?.status == .closed)
        #expect(try reader.loadArchiveSummaries().map(\.id) == [old])
        #expect(try reader.loadArchive().map(\.id) == [old])
    }

    @Test(arguments: Backend.allCases)
    func theOutboxKeepsADeliveryOnceAndFoldsItsAttempts(_ backend: Backend) throws {
        guard let fresh = try Fresh(backend) else { return }
        defer { fresh.remove() }
        let store = try fresh.open()
        #expect(!store.outbox.exists)
        let delivery = OutboxDelivery(key: "ESC-2026-0001|1|routed", kind: "routed", escalation: "ESC-2026-0001", command: "/bin/true",
                                      payload: "{}", queued: Fixture.t0, sequence: 1)
        try store.outbox.append([.seen(sequence: 0), .queued(delivery)])
        var later = delivery
        later.payload = "{\"second\":true}"
        try fresh.open().outbox.append([.queued(later)])
        try store.outbox.append([.attempt(id: delivery.id, at: Fixture.t0.addingTimeInterval(1), failure: "exit 3")])
        let schedule = RetrySchedule()
        let (state, damaged) = try fresh.open().outbox.state()
        #expect(damaged == 0 && state.seen == 0)
        #expect(state.entries.count == 1 && state.entries[0].delivery.payload == "{}", "the first queueing stands")
        #expect(state.entries[0].status(schedule) == .failed)
        #expect(state.entries[0].nextAttempt(schedule) == Fixture.t0.addingTimeInterval(61))
        try store.outbox.append([.attempt(id: delivery.id, at: Fixture.t0.addingTimeInterval(25 * 3600), failure: "exit 3")])
        #expect(try store.outbox.state().state.entries[0].status(schedule) == .dead)
        try store.outbox.append([.retry(id: delivery.id, at: Fixture.t0.addingTimeInterval(26 * 3600))])
        #expect(try store.outbox.state().state.due(at: Fixture.t0.addingTimeInterval(26 * 3600), schedule).count == 1)
        try store.outbox.append([.attempt(id: delivery.id, at: Fixture.t0.addingTimeInterval(26 * 3600), failure: nil)])
        #expect(try store.outbox.state().state.entries[0].status(schedule) == .delivered)
        #expect(store.outbox.exists)
    }

    @Test(arguments: Backend.allCases)
    func aNotificationIsRecordedOnceAndQueuedWithIt(_ backend: Backend) throws {
        guard let fresh = try Fresh(backend) else { return }
        defer { fresh.remove() }
        let store = try fresh.open()
        let delivery = OutboxDelivery(key: "ESC-2026-0001|stalled|x", kind: "stalled", escalation: "ESC-2026-0001", command: "/bin/true",
                                      payload: "{}", queued: Fixture.t0, sequence: nil)
        let first = try store.notificationRecord.withLock(timeout: .seconds(5), actor: "alice") {
            try store.notificationRecord.record(delivery.key, queueing: [.queued(delivery)])
        }
        #expect(first)
        #expect(try fresh.open().notificationRecord.keys() == [delivery.key])
        #expect(try store.outbox.state().state.entries.map(\.delivery.id) == [delivery.id])
        if backend == .postgresql {
            // Without the senders' lock (two hosts racing), the key alone refuses the second.
            #expect(try !fresh.open().notificationRecord.record(delivery.key, queueing: [.queued(delivery)]))
            #expect(try store.outbox.state().state.entries.count == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func theSendersLockIsHeldByOneAtATime(_ backend: Backend) throws {
        guard let fresh = try Fresh(backend) else { return }
        defer { fresh.remove() }
        let holder = try fresh.open(), other = try fresh.open()
        try holder.notificationRecord.withLock(timeout: .seconds(5), actor: "alice") {
            let started = Date()
            do {
                try other.notificationRecord.withLock(timeout: .milliseconds(300), actor: "bob") {}
                Issue.record("two senders held the lock at once")
            } catch StoreError.busy {
                #expect(Date().timeIntervalSince(started) < 2)
            }
        }
        try other.notificationRecord.withLock(timeout: .seconds(1), actor: "bob") {}
    }

    @Test(arguments: Backend.allCases)
    func accountsAreMatchedIgnoringCaseAndListedByName(_ backend: Backend) throws {
        guard let fresh = try Fresh(backend) else { return }
        defer { fresh.remove() }
        let store = try fresh.open()
        let saved = try store.saveAccounts([Account(name: "globex", arr: Money(1)), Account(name: "Acme Corp", arr: Money(2))])
        #expect(saved.added == 2 && saved.updated == 0)
        let again = try fresh.open().saveAccounts([Account(name: " ACME CORP ", arr: Money(3))])
        #expect(again.added == 0 && again.updated == 1)
        #expect(try store.accounts().map(\.name) == [" ACME CORP ", "globex"])
        #expect(try store.account(named: "acme corp")?.arr == Money(3))
    }
}
