import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// The archive summary: what `list --all` reads instead of decoding every archived history. It must
/// give exactly what decoding the whole archive gives, whatever state a crash or damage left it in.
@Suite struct ArchiveSummaryTests {
    /// A store whose archive got two batches (two compactions), each of `perBatch` closed escalations.
    private func storeWithTwoArchiveBatches(_ scratch: Scratch, perBatch: Int = 5) throws -> Store {
        let store = try Store.create(at: scratch.store, policy: .standard)
        for batch in 0..<2 {
            let start = Double(batch) * 60 * 86_400
            for n in 0..<perBatch {
                let t = start + Double(n) * 600
                let id = try store.commit(.create(Scratch.draft("Batch \(batch) — Société Générale 株式会社 #\(n)")), on: nil, context: Scratch.context("alice", t)).escalation
                for (i, command) in [Command.acknowledge(owner: "Mike \(n)"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
                    try store.commit(command, on: id, context: Scratch.context("alice", t + Double(i + 1) * 60))
                }
            }
            // A later event makes them old enough to archive.
            try store.commit(.create(Scratch.draft("Still open \(batch)")), on: nil, context: Scratch.context("alice", start + 40 * 86_400))
            try store.compact()
        }
        return store
    }

    /// Checks the summaries against a full decode of the archive, field by field and line by line.
    private func expectMatchesFullDecode(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let summaries = try store.loadArchiveSummaries()
        let full = try store.loadArchive()
        #expect(summaries.map(\.id) == full.map(\.id), sourceLocation: sourceLocation)
        for (summary, escalation) in zip(summaries, full) {
            let expected = ArchivedSummary(escalation, line: summary.lineStart..<(summary.lineStart + summary.lineLength))
            #expect(summary == expected, sourceLocation: sourceLocation)
            #expect(try store.archivedEscalation(summary.id) == escalation, sourceLocation: sourceLocation)
            #expect(try store.isArchived(summary.id), sourceLocation: sourceLocation)
        }
    }

    private func layout(_ scratch: Scratch) -> StoreLayout { StoreLayout(scratch.store) }

    @Test func compactionKeepsTheSummaryAndItGivesWhatTheFullDecodeGives() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try storeWithTwoArchiveBatches(scratch)
        let contents = try #require(ArchiveSummaryFile.read(layout: layout(scratch)))
        #expect(contents.problem == nil)
        #expect(contents.summaries.count == 10)
        #expect(try contents.mark?.archiveBytes == Data(contentsOf: URL(fileURLWithPath: layout(scratch).archive)).count)
        #expect(try store.loadArchive().count == 10)
        try expectMatchesFullDecode(store)
        #expect(Store.doctor(at: scratch.store, repair: false).notes.isEmpty)
        #expect(try store.archivedEscalation(EscalationID(year: 1999, number: 1)) == nil)
    }

    @Test func theCompactionThatStartsALargeArchiveSummarisesIt() throws {
        // A demo or an import archives years at once: the new archive is far past the rebuild
        // limit, but summarising it costs no more than the lines just written.
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        store.summaryRebuildLimit = 0
        for n in 0..<3 {
            let id = try store.commit(.create(Scratch.draft("Closed \(n)")), on: nil, context: Scratch.context("alice", Double(n) * 600)).escalation
            for (i, command) in [Command.acknowledge(owner: "Mike"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
                try store.commit(command, on: id, context: Scratch.context("alice", Double(n) * 600 + Double(i + 1) * 60))
            }
        }
        try store.commit(.create(Scratch.draft("Still open")), on: nil, context: Scratch.context("alice", 40 * 86_400))
        try store.compact()
        let contents = try #require(ArchiveSummaryFile.read(layout: layout(scratch)))
        #expect(contents.summaries.count == 3)
        try expectMatchesFullDecode(store)
    }

    @Test func aTornSummaryLineIsIgnoredAndCutByTheNextBatch() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try storeWithTwoArchiveBatches(scratch)
        let path = layout(scratch).archiveSummary
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"checksum\":\"0123456789abcdef\",\"summary\":{\"id\":\"ESC-20".utf8))
        try handle.close()
        try expectMatchesFullDecode(store)
        // A crash between the two appends: the archive has a batch the summary does not cover.
        let id = try store.commit(.create(Scratch.draft("Third")), on: nil, context: Scratch.context("alice", 130 * 86_400)).escalation
        for (i, command) in [Command.acknowledge(owner: "Mike"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
            try store.commit(command, on: id, context: Scratch.context("alice", 130 * 86_400 + Double(i + 1) * 60))
        }
        try store.commit(.create(Scratch.draft("Later")), on: nil, context: Scratch.context("alice", 180 * 86_400))
        try store.compact()
        #expect(try store.loadArchive().count == 11)
        try expectMatchesFullDecode(store)
        let contents = try #require(ArchiveSummaryFile.read(layout: layout(scratch)))
        #expect(contents.problem == nil && contents.summaries.count == 11)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).last == 10)
    }

    @Test func aSummaryCoveringLessThanTheArchiveDecodesOnlyTheRestThenCatchesUp() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try storeWithTwoArchiveBatches(scratch)
        let path = layout(scratch).archiveSummary
        // Cut the summary back to its first batch, as if the second append never happened.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let lines = Lines(bytes).complete
        let firstMark = try #require(lines.firstIndex { bytes[$0].dropFirst(29).starts(with: Array("\",\"covers\":".utf8)) })
        try Data(bytes[..<(lines[firstMark].upperBound + 1)]).write(to: URL(fileURLWithPath: path))
        #expect(ArchiveSummaryFile.read(layout: layout(scratch))?.summaries.count == 5)
        try expectMatchesFullDecode(store)
        #expect(Store.doctor(at: scratch.store, repair: false).notes.contains { $0.contains("covers") })
        #expect(try ArchiveSummaryFile.catchUp(layout: layout(scratch)) == .appended(5))
        #expect(ArchiveSummaryFile.read(layout: layout(scratch))?.summaries.count == 10)
        try expectMatchesFullDecode(store)
    }

    @Test func aSummaryCoveringMoreThanTheArchiveIsNotTrusted() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try storeWithTwoArchiveBatches(scratch)
        let archive = layout(scratch).archive
        // The archive loses its second batch (restored from an older copy): the summary now overreaches.
        let firstBatchEnd = try #require(ArchiveSummaryFile.read(layout: layout(scratch))?.summaries[5].lineStart)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        try bytes.prefix(firstBatchEnd).write(to: URL(fileURLWithPath: archive))
        #expect(try store.loadArchive().count == 5)
        try expectMatchesFullDecode(store)
        #expect(Store.doctor(at: scratch.store, repair: false).notes.contains { $0.contains("stale") })
    }

    @Test func aSummaryWhoseChecksumFailsIsNotTrustedAndRepairRebuildsIt() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try storeWithTwoArchiveBatches(scratch)
        let path = layout(scratch).archiveSummary
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Change one letter of a title in the second batch: its line's checksum no longer matches.
        let at = try #require(bytes.indices.last { bytes[$0] == UInt8(ascii: "B") && bytes[$0 + 1] == UInt8(ascii: "a") })
        bytes[at] = UInt8(ascii: "X")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let contents = try #require(ArchiveSummaryFile.read(layout: layout(scratch)))
        #expect(contents.problem?.contains("checksum mismatch") == true)
        #expect(contents.summaries.count == 5, "the first batch's mark still vouches for its lines")
        try expectMatchesFullDecode(store)
        #expect(try store.loadArchiveSummaries().allSatisfy { !$0.title.hasPrefix("Xa") })

        let archiveBefore = try Data(contentsOf: URL(fileURLWithPath: layout(scratch).archive))
        let report = Store.doctor(at: scratch.store, repair: false)
        #expect(report.isHealthy, "derived data: a note, not a problem")
        #expect(report.notes.contains { $0.hasPrefix("damaged") })
        let repaired = Store.doctor(at: scratch.store, repair: true)
        #expect(repaired.actions.contains { $0.contains("rebuilt") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: layout(scratch).archive)) == archiveBefore)
        #expect(ArchiveSummaryFile.read(layout: layout(scratch))?.problem == nil)
        #expect(Store.doctor(at: scratch.store, repair: false).notes.isEmpty)
        try expectMatchesFullDecode(store)
    }

    @Test func aStoreWithAnArchiveButNoSummaryGetsOneAtTheNextCompaction() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try storeWithTwoArchiveBatches(scratch)
        try FileManager.default.removeItem(atPath: layout(scratch).archiveSummary)
        try expectMatchesFullDecode(store)
        #expect(Store.doctor(at: scratch.store, repair: false).notes.contains { $0.contains("missing") })
        // Too large to rebuild under the writers' lock: left for `doctor --repair`.
        #expect(try ArchiveSummaryFile.catchUp(layout: layout(scratch), rebuildingUpTo: 100) == .leftForDoctor)
        #expect(!FileManager.default.fileExists(atPath: layout(scratch).archiveSummary))
        try store.compact()
        #expect(ArchiveSummaryFile.read(layout: layout(scratch))?.summaries.count == 10)
        try expectMatchesFullDecode(store)
    }
}
