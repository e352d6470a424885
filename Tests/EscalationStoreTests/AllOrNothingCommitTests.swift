import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// A commit of several commands applies all of them or none: each is decided against the ledger as
/// the ones before it leave it, and their events go out in one append.
@Suite struct AllOrNothingCommitTests {
    @Test func aRefusedLaterCommandLeavesNothingOfTheEarlierOnes() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let id = try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()).escalation
        let files = scratch.contents()
        let ledger = store.ledger
        var refusal: StoreError?
        do {
            try store.commit([.edit(Edit(title: "Exports fail for EU tenants")),
                              .severity(.critical, reason: "Second customer hit"),
                              .close],
                             on: id, context: Scratch.context("alice", 60))
        } catch {
            refusal = error
        }
        guard case .rejected(let why) = refusal else { Issue.record("expected a refusal, got \(String(describing: refusal))"); return }
        #expect(why.message.contains("only a resolved escalation is closed"), "\(why.message)")
        #expect(store.ledger == ledger)
        #expect(scratch.contents() == files.merging(["lock": scratch.contents()["lock"] ?? Data()]) { $1 },
                "not one byte of the edit or the severity reached the store")
        let reopened = try Store.open(at: scratch.store, policy: .standard)
        #expect(reopened.ledger[id]?.title == "Export truncates at 10k rows")
        #expect(reopened.ledger[id]?.severity == .high)
        #expect(reopened.ledger.lastSequence == 1)
    }

    @Test func severalCommandsAreDecidedInTurnAndWrittenInOneAppend() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let id = try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()).escalation
        let journal = scratch.store.appendingPathComponent("journal-1.jsonl")
        let linesBefore = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count
        let events = try store.commit([.edit(Edit(title: "Exports fail for EU tenants")),
                                       .severity(.critical, reason: "Second customer hit"),
                                       .tier(Tier(rawValue: 3)!, reason: "Needs a senior engineer")],
                                      on: id, context: Scratch.context("alice", 60))
        #expect(events.map(\.sequence) == [2, 3, 4])
        // Each was decided against the revision the one before it made.
        #expect(events.map(\.expectedRevision) == [1, 2, 3])
        #expect(try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count == linesBefore + 3)
        let reopened = try Store.open(at: scratch.store, policy: .standard)
        #expect(reopened.ledger == store.ledger)
        #expect(reopened.ledger[id]?.title == "Exports fail for EU tenants")
        #expect(reopened.ledger[id]?.severity == .critical)
        #expect(reopened.ledger[id]?.tier == Tier(rawValue: 3)!)
        #expect(try store.commit([], on: id, context: Scratch.context("alice", 90)).isEmpty, "nothing to commit writes nothing")
        #expect(store.ledger.lastSequence == 4)
    }

    @Test func aCommitWaitingForTheLockHearsWhoHoldsIt() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        store.lockTimeout = .seconds(30)
        let fd = open(scratch.store.appendingPathComponent("lock").path, O_RDWR)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        _ = "pid 4242 (carol: escalator board)".withCString { write(fd, $0, strlen($0)) }
        let heard = Heard()
        let done = DispatchSemaphore(value: 0)
        let outcome = Heard()
        DispatchQueue.global().async {
            do {
                let events = try store.commit([.create(Scratch.draft())], on: nil, context: Scratch.context(),
                                              whileWaiting: { heard.add($0) })
                outcome.add("committed \(events.count)")
            } catch {
                outcome.add("failed \(error)")
            }
            done.signal()
        }
        let end = Date().addingTimeInterval(10)
        while heard.all.isEmpty, Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        #expect(heard.all == ["pid 4242 (carol: escalator board)"])
        #expect(outcome.all.isEmpty, "still waiting")
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(outcome.all == ["committed 1"])
    }
}

/// Strings heard from another thread.
private final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
