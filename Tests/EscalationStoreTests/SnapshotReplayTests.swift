import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// A snapshot's escalations are rebuilt by replaying their histories: every change, an undo
/// included (which replays the history before it), must come back exactly as it was committed.
@Suite struct SnapshotReplayTests {
    @Test func anUndoneChangeReplaysFromTheSnapshot() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let id = try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()).escalation
        try store.commit(.acknowledge(owner: "Mike Ross"), on: id, context: Scratch.context("bob", 60))
        let note = try store.commit(.note("Found the slow query"), on: id, context: Scratch.context("bob", 120))
        try store.commit(.undo(sequence: note.sequence), on: id, context: Scratch.context("bob", 240))
        let committed = try #require(store.ledger[id])
        #expect(committed.history.count == 4 && committed.lastInternalUpdateAt < note.time)
        try store.compact()
        let reopened = try Store.open(at: scratch.store, policy: .standard)
        #expect(reopened.ledger[id] == committed)
    }
}

/// Lines are decoded in chunks on several threads; whichever thread meets damage first, the error
/// names the first damaged line of the file.
@Suite struct ParallelDecodeTests {
    @Test func theFirstDamagedLineIsReportedWhateverTheThreads() throws {
        let encoder = StoreCoding.encoder(schema: 2)
        var ledger = Ledger()
        for event in DemoData.events(count: 300, open: 60, seed: 5, now: Date(timeIntervalSince1970: 1_773_133_200), policy: .standard) {
            try ledger.apply(event)
        }
        let escalations = ledger.escalations.values.sorted { $0.id < $1.id }
        var lines = try escalations.map { e throws(StoreError) in try EscalationLines.encode(e, with: encoder) }
        #expect(lines.count == 300)
        func decode(_ lines: [[UInt8]]) throws(StoreError) -> [Escalation] {
            let bytes = lines.flatMap { $0 }
            var ranges: [Range<Int>] = [], start = 0
            for line in lines {
                ranges.append(start..<(start + line.count - 1))
                start += line.count
            }
            return try EscalationLines.decode(bytes, lines: ranges[...], firstLine: 2, schema: 2, path: "test")
        }
        // (Times are stored to the millisecond, so compare what does not round.)
        let decoded = try decode(lines)
        #expect(decoded.map(\.id) == escalations.map(\.id) && decoded.map(\.revision) == escalations.map(\.revision))
        #expect(decoded.map(\.status) == escalations.map(\.status) && decoded.map(\.title) == escalations.map(\.title))
        // Damage far apart (different chunks), the later one first in the array.
        for index in [250, 41, 190] { lines[index][lines[index].count / 2] ^= 0x20 }
        #expect { try decode(lines) } throws: { error in
            guard case StoreError.damaged(_, let location, _) = error else { return false }
            return location.hasPrefix("line 43 ")
        }
    }
}
