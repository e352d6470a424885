import EscalationKit
import Foundation
import Testing
@testable import EscalationStore
import Invocation

@Suite struct StoreBasicsTests {
    @Test func commitsSurviveReopenAndReplayIdentically() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let id = try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()).escalation
        try store.commit(.acknowledge(owner: "Mike Ross"), on: id, context: Scratch.context("bob", 60))
        try store.commit(.start, on: id, context: Scratch.context("bob", 120))
        #expect(store.ledger.lastSequence == 3)
        let again = try Store.open(at: scratch.store, policy: .standard)
        #expect(again.ledger == store.ledger)
        try store.compact()
        let compacted = try Store.open(at: scratch.store, policy: .standard)
        #expect(compacted.ledger == store.ledger)
        #expect(FileManager.default.fileExists(atPath: scratch.store.appendingPathComponent("journal-2.jsonl").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.store.appendingPathComponent("journal-1.jsonl").path))
        #expect(FileManager.default.fileExists(atPath: scratch.store.appendingPathComponent("snapshot.previous.json").path))
    }

    @Test func openingAMissingStoreSaysNotFound() {
        let scratch = Scratch(); defer { scratch.remove() }
        #expect { try Store.open(at: scratch.store, policy: .standard) } throws: { error in
            guard case StoreError.notFound = error else { return false }
            return true
        }
    }

    @Test func aStaleTransitionIsRefusedWithWhoDidWhatWhen() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let mine = try Store.create(at: scratch.store, policy: .standard)
        let theirs = try Store.open(at: scratch.store, policy: .standard)
        let id = try mine.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()).escalation
        try mine.commit(.acknowledge(owner: "Mike"), on: id, context: Scratch.context("alice", 10))
        try mine.commit(.start, on: id, context: Scratch.context("alice", 20))
        try theirs.refresh()
        try mine.commit(.resolve(resolution: "Index added"), on: id, context: Scratch.context("alice", 30))
        let refusal = rejection { () throws(StoreError) -> Event in try theirs.commit(.resolve(resolution: "Also fixed"), on: id, context: Scratch.context("bob", 50)) }
        #expect(refusal?.kind == .conflict)
        #expect(refusal?.message.hasPrefix("\(id) was resolved by alice 20 s ago.") == true, "\(String(describing: refusal))")
        #expect(theirs.ledger[id]?.history.filter { if case .resolved = $0.change { true } else { false } }.count == 1)
    }

    @Test func aBusyLockNamesItsHolderAfterABoundedWait() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let fd = open(scratch.store.appendingPathComponent("lock").path, O_RDWR)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        _ = "pid 4242 (carol: escalator board)".withCString { write(fd, $0, strlen($0)) }
        store.lockTimeout = .milliseconds(200)
        let started = Date()
        #expect { try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()) } throws: { error in
            guard case StoreError.busy(let holder, _) = error else { return false }
            return holder.contains("pid 4242 (carol")
        }
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func aTornLastLineIsIgnoredThenQuarantinedByTheNextWriter() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context())
        let journal = scratch.store.appendingPathComponent("journal-1.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        handle.seekToEndOfFile()
        handle.write(Data("{\"checksum\":\"0123".utf8) + Data(repeating: 0, count: 40))
        try handle.close()
        let before = scratch.contents()
        let reader = try Store.open(at: scratch.store, policy: .standard)
        #expect(reader.ledger.lastSequence == 1)
        #expect(scratch.contents() == before)
        try reader.commit(.create(Scratch.draft("Second")), on: nil, context: Scratch.context())
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: scratch.store.appendingPathComponent("quarantine").path)
        #expect(quarantined.count == 1)
        #expect(try Store.open(at: scratch.store, policy: .standard).ledger.lastSequence == 2)
    }

    @Test func oldClosedEscalationsMoveToTheArchive() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let old = try store.commit(.create(Scratch.draft("Old")), on: nil, context: Scratch.context()).escalation
        for (i, command) in [Command.acknowledge(owner: "Mike"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
            try store.commit(command, on: old, context: Scratch.context("alice", Double(i + 1) * 60))
        }
        let open = try store.commit(.create(Scratch.draft("Current")), on: nil, context: Scratch.context("alice", 30 * 86_400)).escalation
        let closedState = store.ledger[old]
        try store.compact()
        let reopened = try Store.open(at: scratch.store, policy: .standard)
        #expect(reopened.ledger[old] == nil)
        #expect(reopened.ledger[open] != nil)
        #expect(try reopened.loadArchive() == [closedState!])
        // The id stays reserved.
        let next = try reopened.commit(.create(Scratch.draft("Next")), on: nil, context: Scratch.context("alice", 30 * 86_400)).escalation
        #expect(next.number == 3)
    }

    @Test func privateAndSharedStoresHaveTheirModes() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        _ = try Store.create(at: scratch.store, policy: .standard)
        #expect(mode(scratch.store.path) == 0o700)
        #expect(mode(scratch.store.appendingPathComponent("snapshot.json").path) == 0o600)
        let sharedURL = scratch.root.appendingPathComponent("shared")
        let shared = try Store.create(at: sharedURL, policy: .standard, shared: true)
        shared.compactionThreshold = 1
        try shared.commit(.create(Scratch.draft()), on: nil, context: Scratch.context())
        #expect(mode(sharedURL.path) == 0o2770)
        for name in ["snapshot.json", "journal-2.jsonl", "lock"] {
            #expect(mode(sharedURL.appendingPathComponent(name).path) == 0o660, "\(name)")
        }
    }

    private func rejection(_ body: () throws(StoreError) -> Event) -> LifecycleError? {
        do {
            _ = try body()
            return nil
        } catch {
            if case .rejected(let refusal) = error { return refusal }
            return nil
        }
    }

    private func mode(_ path: String) -> mode_t {
        var st = stat()
        _ = stat(path, &st)
        return st.st_mode & 0o7777
    }

    @Test func fastTimeRoundTripsMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_773_133_200.123)
        let text = FastTime.stamp(date)
        #expect(text == "2026-03-10T09:00:00.123Z")
        #expect(FastTime.parse(text) == ISOTime.parse(text))
    }
}
