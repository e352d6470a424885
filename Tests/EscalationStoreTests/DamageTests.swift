import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// Damaged files stop the store with path, place and reason, and are left byte for byte as they were.
@Suite struct DamageTests {
    /// A store with a snapshot of two escalations and a journal of five events after it.
    func populated(_ scratch: Scratch) throws {
        let store = try Store.create(at: scratch.store, policy: .standard)
        let a = try store.commit(.create(Scratch.draft("A")), on: nil, context: Scratch.context()).escalation
        try store.commit(.create(Scratch.draft("B")), on: nil, context: Scratch.context())
        try store.compact()
        try store.commit(.acknowledge(owner: "Mike"), on: a, context: Scratch.context("bob", 60))
        try store.commit(.start, on: a, context: Scratch.context("bob", 120))
        for i in 0..<3 { try store.commit(.note("note \(i)"), on: a, context: Scratch.context("bob", 200 + Double(i))) }
    }

    func file(_ scratch: Scratch, _ name: String) -> URL { scratch.store.appendingPathComponent(name) }

    func damage(_ url: URL, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        change(&bytes)
        try Data(bytes).write(to: url)
    }

    /// Opens the damaged store, checks the error and that no file changed.
    func expectRefusal(_ scratch: Scratch, _ check: (StoreError) -> Bool) {
        let before = scratch.contents()
        do {
            _ = try Store.open(at: scratch.store, policy: .standard)
            Issue.record("the damaged store opened")
        } catch {
            #expect(check(error), "\(error)")
            print("damage reported as: \(error)")
        }
        #expect(scratch.contents() == before)
    }

    func isDamage(_ error: StoreError, file: String, location: String? = nil, reason: String) -> Bool {
        guard case .damaged(let path, let where_, let why) = error else { return false }
        return path.hasSuffix(file) && (location.map { where_.hasPrefix($0) } ?? true) && why.contains(reason)
    }

    @Test func aTruncatedSnapshot() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try damage(file(scratch, "snapshot.json")) { $0.removeLast(40) }
        expectRefusal(scratch) { isDamage($0, file: "snapshot.json", reason: "truncated") }
    }

    @Test func garbageInTheMiddleOfTheJournal() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try damage(file(scratch, "journal-2.jsonl")) { bytes in
            let secondLineEnd = bytes.indices.filter { bytes[$0] == 10 }[1]
            bytes.insert(contentsOf: Array("this is not json\n".utf8), at: secondLineEnd + 1)
        }
        expectRefusal(scratch) { isDamage($0, file: "journal-2.jsonl", location: "line 3", reason: "not a journal line") }
    }

    @Test func aFlippedByte() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try damage(file(scratch, "journal-2.jsonl")) { bytes in
            let thirdLine = bytes.indices.filter { bytes[$0] == 10 }[1] + 1
            bytes[thirdLine + 60] ^= 0x01
        }
        expectRefusal(scratch) { isDamage($0, file: "journal-2.jsonl", location: "line 3", reason: "checksum mismatch") }
    }

    @Test func aFlippedByteInTheSnapshot() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try damage(file(scratch, "snapshot.json")) { $0[$0.count - 30] ^= 0x20 }
        expectRefusal(scratch) { isDamage($0, file: "snapshot.json", reason: "checksum mismatch") }
    }

    @Test func aMissingJournal() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try FileManager.default.removeItem(at: file(scratch, "journal-2.jsonl"))
        expectRefusal(scratch) { isDamage($0, file: "journal-2.jsonl", reason: "missing") }
    }

    @Test func aSequenceGap() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try damage(file(scratch, "journal-2.jsonl")) { bytes in
            let ends = bytes.indices.filter { bytes[$0] == 10 }
            bytes.removeSubrange((ends[1] + 1)...ends[2])
        }
        expectRefusal(scratch) { isDamage($0, file: "journal-2.jsonl", location: "line 3", reason: "sequence gap") }
    }

    @Test func aNewerSchema() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try damage(file(scratch, "snapshot.json")) { bytes in
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"schema_version\":2", with: "\"schema_version\":99")
            bytes = Array(text.utf8)
        }
        expectRefusal(scratch) { error in
            guard case .newerSchema(let found, let known) = error else { return false }
            return found == 99 && known == 2
        }
    }

    @Test func doctorReportsThenRepairsUpToTheLastGoodEvent() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        try populated(scratch)
        try damage(file(scratch, "journal-2.jsonl")) { bytes in
            let ends = bytes.indices.filter { bytes[$0] == 10 }
            bytes[ends[3] + 40] ^= 0x01 // line 5: event 6, the fourth after the snapshot
        }
        let before = scratch.contents()
        let check = Store.doctor(at: scratch.store, repair: false)
        #expect(!check.isHealthy)
        #expect(scratch.contents() == before)
        let repaired = Store.doctor(at: scratch.store, repair: true)
        #expect(repaired.isHealthy, "\(repaired)")
        #expect(repaired.backups.count == 1)
        let store = try Store.open(at: scratch.store, policy: .standard)
        #expect(store.ledger.lastSequence == 5)
        #expect(Store.doctor(at: scratch.store, repair: false).isHealthy)
    }
}
