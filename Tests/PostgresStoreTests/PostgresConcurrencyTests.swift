import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// Writers at once, each on its own connection: no update lost or doubled, stale commands refused
/// naming who changed the escalation.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresConcurrencyTests {
    @Test func eightWritersLoseAndDoubleNothing() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let shared = try test.open().commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        let writers = 8, rounds = 12
        let stores = try (0..<writers).map { _ in try test.open() }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let store = stores[writer]
            for round in 0..<rounds {
                do {
                    // A note on the shared escalation (every writer contends for it) and a new one, all
                    // dated alike: a history must not run backwards, and the writers' turns are unordered.
                    try store.commit([.note("writer \(writer) round \(round)")], on: shared,
                                     context: Fixture.context("w\(writer)", 1), whileWaiting: { _ in })
                    try store.commit(.create(Fixture.draft("w\(writer) r\(round)")), on: nil, context: Fixture.context("w\(writer)", 1))
                } catch {
                    failures.add("writer \(writer) round \(round): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let total = 1 + writers * rounds * 2
        let check = try test.open()
        #expect(check.ledger.lastSequence == total)
        #expect(check.ledger[shared]?.revision == 1 + writers * rounds)
        #expect(check.ledger.escalations.count == 1 + writers * rounds)
        let sequences = try TestCluster.sql(test.name, "SELECT count(*), min(sequence), max(sequence), count(DISTINCT sequence) FROM escalator.events")
        #expect(sequences == [["\(total)", "1", "\(total)", "\(total)"]], "gap-free and unique")
        let notes = try TestCluster.sql(test.name, "SELECT count(DISTINCT body) FROM escalator.events WHERE escalation = '\(shared)'")
        #expect(notes == [["\(1 + writers * rounds)"]])
        // Every writer's own ledger catches up to the same state.
        for store in stores { try store.refresh() }
        #expect(stores.allSatisfy { $0.ledger == check.ledger })
    }

    @Test func aStaleCommandIsRefusedNamingWhoChangedIt() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let mine = try test.open()
        let id = try mine.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        let theirs = try test.open()
        try theirs.commit(.acknowledge(owner: "bob"), on: id, context: Fixture.context("bob", 30))
        // `mine` still sees it routed: acknowledging it again is refused, naming bob.
        do throws(StoreError) {
            try mine.commit(.acknowledge(owner: "alice"), on: id, context: Fixture.context("alice", 50))
            Issue.record("a stale command was applied")
        } catch {
            guard case .rejected(let why) = error else { Issue.record("\(error)"); return }
            #expect(why.kind == .conflict)
            #expect(why.message.contains("bob") && why.message.contains("20 s ago"), "\(why.message)")
        }
        #expect(mine.ledger[id]?.owner == "bob", "the refused writer caught up")
    }

    @Test func aRefusedCommandInABatchLeavesNothing() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let store = try test.open()
        let id = try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        #expect(throws: StoreError.self) {
            try store.commit([.edit(Edit(title: "New title")), .severity(.critical, reason: "Worse"), .close],
                             on: id, context: Fixture.context("alice", 60), whileWaiting: { _ in })
        }
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM escalator.events") == [["1"]])
        #expect(try test.open().ledger[id]?.title == "Export truncates at 10k rows")
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
