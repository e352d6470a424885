import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// A store written by schema 1 (snake_case keys) keeps working: it opens, takes commits in its own
/// schema, and moves to schema 2 at the next compaction; its archive keeps schema 1 and grows in it.
@Suite struct OldSchemaTests {
    /// A store with an archive, snapshot and journal, all rewritten as schema 1 wrote them.
    func makeSchema1Store(_ scratch: Scratch) throws -> (store: URL, ledger: Ledger, archived: [Escalation]) {
        let store = try Store.create(at: scratch.store, policy: .standard)
        let old = try store.commit(.create(Scratch.draft("Old one")), on: nil, context: Scratch.context()).escalation
        try store.commit(.acknowledge(owner: "Mike"), on: old, context: Scratch.context("bob", 20))
        try store.commit(.start, on: old, context: Scratch.context("bob", 40))
        try store.commit(.resolve(resolution: "Fixed"), on: old, context: Scratch.context("bob", 60))
        try store.commit(.close, on: old, context: Scratch.context("bob", 120))
        let recent = try store.commit(.create(Scratch.draft("Recent")), on: nil, context: Scratch.context("carol", 30 * 86_400)).escalation
        try store.commit(.acknowledge(owner: "Mike"), on: recent, context: Scratch.context("carol", 30 * 86_400 + 60))
        try store.compact()
        try store.commit(.start, on: recent, context: Scratch.context("carol", 30 * 86_400 + 120))
        try store.commit(.note("Narrowed it down"), on: recent, context: Scratch.context("carol", 30 * 86_400 + 180))
        let archived = try store.loadArchive()
        #expect(archived.map(\.id) == [old])

        let layout = StoreLayout(scratch.store)
        let v1 = StoreCoding.encoder(schema: 1)
        let v2 = StoreCoding.decoder(schema: 2)
        // Snapshot.
        let snapshot = try SnapshotFile.read(try #require(try FileFacts.read(layout.snapshot)), path: layout.snapshot)
        var body: [UInt8] = []
        for e in snapshot.ledger.escalations.values.sorted(by: { $0.id < $1.id }) { body += try EscalationLines.encode(e, with: v1) }
        let header = FileHeader(format: FileHeader.snapshotFormat, schemaVersion: 1, generation: snapshot.generation,
                                lastSequence: snapshot.ledger.lastSequence, checksum: Checksum.of(body),
                                count: snapshot.ledger.escalations.count, lastNumberByYear: snapshot.ledger.lastNumberByYear)
        try Data(header.line() + body).write(to: URL(fileURLWithPath: layout.snapshot))
        // Journal.
        let journalPath = layout.journal(snapshot.generation)
        let journal = try #require(try FileFacts.read(journalPath))
        var lines = FileHeader(format: FileHeader.journalFormat, schemaVersion: 1, generation: snapshot.generation).line()
        for range in Lines(journal).complete.dropFirst() {
            let payload = try CheckedLine.payload(of: journal[range], field: "event").get()
            let event = try v2.decode(Event.self, from: Data(payload))
            lines += CheckedLine.encode(field: "event", payload: Array(try v1.encode(event)))
        }
        try Data(lines).write(to: URL(fileURLWithPath: journalPath))
        // Archive.
        var archive = FileHeader(format: FileHeader.archiveFormat, schemaVersion: 1).line()
        for e in archived { archive += try EscalationLines.encode(e, with: v1) }
        try Data(archive).write(to: URL(fileURLWithPath: layout.archive))
        return (scratch.store, store.ledger, archived)
    }

    @Test func aSchema1StoreOpensAndReplaysIdentically() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let (directory, ledger, archived) = try makeSchema1Store(scratch)
        let journal = String(decoding: try #require(FileManager.default.contents(atPath: StoreLayout(directory).journal(2))), as: UTF8.self)
        #expect(journal.contains("\"schema_version\":1") && journal.contains("\"expected_revision\""))
        let store = try Store.open(at: directory, policy: .standard)
        #expect(store.ledger == ledger)
        #expect(try store.loadArchive() == archived)
    }

    @Test func commitsToASchema1JournalStayInSchema1UntilCompaction() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let (directory, _, archived) = try makeSchema1Store(scratch)
        let layout = StoreLayout(directory)
        let store = try Store.open(at: directory, policy: .standard)
        let id = try #require(store.ledger.escalations.values.first(where: \.isOpen)?.id)
        try store.commit(.note("Still on schema 1"), on: id, context: Scratch.context("dave", 31 * 86_400))
        let journal = String(decoding: try #require(FileManager.default.contents(atPath: layout.journal(2))), as: UTF8.self)
        let last = try #require(journal.split(separator: "\n").last)
        #expect(last.contains("\"expected_revision\"") && !last.contains("\"expectedRevision\""))
        #expect(try Store.open(at: directory, policy: .standard).ledger == store.ledger)

        // A closed escalation old enough to be archived: compaction appends it to the schema 1 archive in schema 1.
        let later = try store.commit(.create(Scratch.draft("Later")), on: nil, context: Scratch.context("erin", 31 * 86_400)).escalation
        try store.commit(.acknowledge(owner: "Mike"), on: later, context: Scratch.context("erin", 31 * 86_400 + 20))
        try store.commit(.start, on: later, context: Scratch.context("erin", 31 * 86_400 + 40))
        try store.commit(.resolve(resolution: "Done"), on: later, context: Scratch.context("erin", 31 * 86_400 + 60))
        try store.commit(.close, on: later, context: Scratch.context("erin", 31 * 86_400 + 120))
        try store.commit(.note("Much later"), on: id, context: Scratch.context("dave", 60 * 86_400))
        try store.compact()
        let snapshot = String(decoding: try #require(FileManager.default.contents(atPath: layout.snapshot)), as: UTF8.self)
        #expect(snapshot.contains("\"schema_version\":2"))
        #expect(snapshot.contains("\"impactDimensions\"") && !snapshot.contains("\"impact_dimensions\""))
        let newJournal = String(decoding: try #require(FileManager.default.contents(atPath: layout.journal(3))), as: UTF8.self)
        #expect(newJournal.contains("\"schema_version\":2"))
        let archive = String(decoding: try #require(FileManager.default.contents(atPath: layout.archive)), as: UTF8.self)
        #expect(archive.hasPrefix("{\"format\":\"escalator-archive\",\"schema_version\":1}"))
        #expect(!archive.contains("\"impactDimensions\"") && archive.contains("\"impact_dimensions\""))

        let again = try Store.open(at: directory, policy: .standard)
        #expect(again.ledger == store.ledger)
        #expect(try again.loadArchive().map(\.id) == (archived.map(\.id) + [later]).sorted())
        try again.commit(.note("On schema 2 now"), on: id, context: Scratch.context("dave", 61 * 86_400))
        let v2Line = String(decoding: try #require(FileManager.default.contents(atPath: layout.journal(3))), as: UTF8.self)
        #expect(v2Line.contains("\"expectedRevision\""))
        #expect(try Store.open(at: directory, policy: .standard).ledger == again.ledger)
    }

    @Test func newFilesAreWrittenInSchema2WithTheModelsKeys() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let id = try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()).escalation
        try store.commit(.customerUpdate("Told them"), on: id, context: Scratch.context("bob", 60))
        let layout = StoreLayout(scratch.store)
        let journal = String(decoding: try #require(FileManager.default.contents(atPath: layout.journal(1))), as: UTF8.self)
        #expect(journal.hasPrefix("{\"format\":\"escalator-journal\",\"generation\":1,\"schema_version\":2}\n"))
        #expect(journal.contains("\"expectedRevision\":1") && journal.contains("\"customerUpdated\""))
        try store.compact()
        let snapshot = String(decoding: try #require(FileManager.default.contents(atPath: layout.snapshot)), as: UTF8.self)
        #expect(snapshot.contains("\"schema_version\":2") && snapshot.contains("\"impactDimensions\""))
    }
}
