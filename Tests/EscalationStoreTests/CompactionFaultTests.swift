import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// A compaction that fails after its commit was appended: the commit stands, the compaction waits
/// for a later write, and the archive never gets an escalation twice.
@Suite struct CompactionFaultTests {
    /// `count` escalations created, worked and closed at t0, and one open escalation 40 days later,
    /// so a compaction archives the closed ones.
    private func storeWithArchivable(_ scratch: Scratch, count: Int = 3) throws -> (Store, EscalationID) {
        let store = try Store.create(at: scratch.store, policy: .standard)
        store.compactionThreshold = .max
        for n in 0..<count {
            let t = Double(n) * 600
            let id = try store.commit(.create(Scratch.draft("Closed #\(n)")), on: nil, context: Scratch.context("alice", t)).escalation
            for (i, command) in [Command.acknowledge(owner: "Mike"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
                try store.commit(command, on: id, context: Scratch.context("alice", t + Double(i + 1) * 60))
            }
        }
        let open = try store.commit(.create(Scratch.draft("Still open")), on: nil, context: Scratch.context("alice", 40 * 86_400)).escalation
        return (store, open)
    }

    /// A directory where the next generation's journal goes makes every compaction fail after the
    /// archive append and the snapshot's temp file (EISDIR), whatever the file system.
    private func blockNextGeneration(_ scratch: Scratch, _ store: Store) throws -> URL {
        let next = scratch.store.appendingPathComponent("journal-\(store.position.generation + 1).jsonl")
        try FileManager.default.createDirectory(at: next, withIntermediateDirectories: false)
        return next
    }

    private func archiveLines(_ scratch: Scratch) throws -> Int {
        try ArchiveFile.readLines(layout: StoreLayout(scratch.store)).count
    }

    @Test func aFailedCompactionDoesNotFailTheCommitAndALaterWriteRetriesIt() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let (store, open) = try storeWithArchivable(scratch)
        let blocker = try blockNextGeneration(scratch, store)
        store.compactionThreshold = 0
        let event = try store.commit(.note("saved despite the compaction"), on: open, context: Scratch.context("bob", 40 * 86_400 + 60))
        let postponed = try #require(store.postponedCompaction)
        #expect(postponed.description.contains("Is a directory"), "the true reason: \(postponed)")
        #expect(store.position.generation == 1)
        let reread = try Store.open(at: scratch.store, policy: .standard)
        #expect(reread.ledger[open]?.history.last?.sequence == event.sequence)

        try FileManager.default.removeItem(at: blocker)
        try store.commit(.note("and this one compacts"), on: open, context: Scratch.context("bob", 40 * 86_400 + 120))
        #expect(store.postponedCompaction == nil)
        #expect(store.position.generation == 2)
        #expect(try store.loadArchive().count == 3)
    }

    @Test func retriedCompactionsArchiveEachEscalationOnce() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let (store, open) = try storeWithArchivable(scratch)
        let blocker = try blockNextGeneration(scratch, store)
        store.compactionThreshold = 0
        for i in 0..<5 {
            try store.commit(.note("try \(i)"), on: open, context: Scratch.context("bob", 40 * 86_400 + Double(i + 1) * 60))
            #expect(store.postponedCompaction != nil)
        }
        #expect(try archiveLines(scratch) == 3, "each failed compaction appended the same escalations again")
        try FileManager.default.removeItem(at: blocker)
        try store.commit(.note("done"), on: open, context: Scratch.context("bob", 40 * 86_400 + 600))
        #expect(store.postponedCompaction == nil)
        #expect(try archiveLines(scratch) == 3)
        #expect(try store.loadArchive().map(\.title) == ["Closed #0", "Closed #1", "Closed #2"])
        #expect(store.ledger.escalations.count == 1)
        #expect(Store.doctor(at: scratch.store, repair: false).isHealthy)
    }

    @Test func anEscalationChangedAfterAFailedCompactionIsArchivedInItsNewVersion() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let (store, open) = try storeWithArchivable(scratch, count: 1)
        let blocker = try blockNextGeneration(scratch, store)
        store.compactionThreshold = 0
        try store.commit(.note("first try"), on: open, context: Scratch.context("bob", 40 * 86_400 + 60))
        #expect(try archiveLines(scratch) == 1)
        // Alice undoes her close and closes again: the archived line is no longer the ledger's version.
        let closed = try #require(store.ledger.escalations.values.first { $0.status == .closed })
        let close = try #require(closed.history.last).sequence
        try store.commit(.undo(sequence: close), on: closed.id, context: Scratch.context("alice", 40 * 86_400 + 120))
        try store.commit(.close, on: closed.id, context: Scratch.context("alice", 40 * 86_400 + 180))
        let final = try #require(store.ledger[closed.id])
        try FileManager.default.removeItem(at: blocker)
        try store.commit(.note("done"), on: open, context: Scratch.context("bob", 40 * 86_400 + 240))
        #expect(store.postponedCompaction == nil)
        // Closed again just now: not archived yet, and the archive's old line does not hide it.
        #expect(try archiveLines(scratch) == 1)
        #expect(try store.loadArchive().isEmpty)
        #expect(store.ledger[closed.id] == final)
        try store.commit(.create(Scratch.draft("Much later")), on: nil, context: Scratch.context("bob", 80 * 86_400))
        #expect(try archiveLines(scratch) == 2)
        #expect(try store.loadArchive() == [final])
        #expect(Store.doctor(at: scratch.store, repair: false).isHealthy)
    }

    @Test func readersTolerateRepeatsAndDoctorRepairRemovesThem() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let (store, _) = try storeWithArchivable(scratch)
        try store.compact()
        let layout = StoreLayout(scratch.store)
        let archived = try store.loadArchive()
        #expect(archived.count == 3)
        // What older versions left: the same escalations appended again by retried compactions.
        try ArchiveFile.append(archived, layout: layout)
        try ArchiveFile.append(Array(archived.prefix(2)), layout: layout)
        #expect(try archiveLines(scratch) == 8)
        let reader = try Store.open(at: scratch.store, policy: .standard)
        #expect(try reader.loadArchive() == archived)
        #expect(try reader.loadArchiveSummaries().map(\.id) == archived.map(\.id))
        #expect(try reader.archivedEscalation(archived[0].id) == archived[0])

        let check = Store.doctor(at: scratch.store, repair: false)
        #expect(!check.isHealthy)
        #expect(check.problems.contains { $0.contains("5 lines archive an escalation again") }, "\(check)")
        let before = try Data(contentsOf: URL(fileURLWithPath: layout.archive))
        let repair = Store.doctor(at: scratch.store, repair: true)
        #expect(repair.isHealthy, "\(repair)")
        let backup = try #require(repair.backups.first { $0.contains("archive.jsonl") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == before)
        #expect(try archiveLines(scratch) == 3)
        #expect(try Store.open(at: scratch.store, policy: .standard).loadArchive() == archived)
        #expect(Store.doctor(at: scratch.store, repair: false).description.hasPrefix("The store is healthy."))
        // The next compaction neither re-archives nor trips over the rewritten archive.
        try store.commit(.create(Scratch.draft("Later")), on: nil, context: Scratch.context("alice", 41 * 86_400))
        try store.compact()
        #expect(try archiveLines(scratch) == 3)
    }
}
