import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// A big batch reports its progress while it is written, and can fold itself into a snapshot.
@Suite struct BatchProgressTests {
    @Test func aBatchReportsProgressAndCompactsWhenAsked() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        var generated: [Int] = []
        let events = DemoData.events(count: 3_000, open: 300, seed: 7, now: Scratch.t0, policy: .standard) { generated.append($0) }
        #expect(generated.first == 0 && generated.last == 3_000 && generated.count > 2)
        #expect(generated == generated.sorted())

        let store = try Store.create(at: scratch.store, policy: .standard)
        var written: [Int] = []
        let committed = try store.commitBatch(events, compacting: true) { written.append($0) }
        #expect(committed.count == events.count)
        // One report per slice, the last when every event is encoded.
        #expect(written.count == (events.count + 16_383) / 16_384 && written.count > 1)
        #expect(written == written.sorted() && written.last == events.count)
        // Compacted: the journal holds only its header, and the store reopens to the same ledger.
        let journals = try FileManager.default.contentsOfDirectory(atPath: scratch.store.path).filter { $0.hasPrefix("journal-") }
        #expect(journals.count == 1)
        let journal = try String(contentsOf: scratch.store.appendingPathComponent(journals[0]), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 1)
        #expect(try Store.open(at: scratch.store, policy: .standard).ledger.escalations.count == store.ledger.escalations.count)
    }
}
