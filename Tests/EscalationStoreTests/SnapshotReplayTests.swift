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
