import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// The ledger holds the open and recently closed escalations; older closed ones are an archived
/// lookup; a focused open reads only what it names; other processes' changes arrive by NOTIFY.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresReadingTests {
    /// Creates, resolves and closes an escalation at `offset` seconds after t0.
    func closed(_ store: PostgresStore, _ title: String, at offset: TimeInterval) throws -> EscalationID {
        let id = try store.commit(.create(Fixture.draft(title)), on: nil, context: Fixture.context("alice", offset)).escalation
        try store.commit([.acknowledge(owner: "dana"), .start, .advance(resolution: "Fixed"), .close], on: id,
                         context: Fixture.context("alice", offset + 60), whileWaiting: { _ in })
        return id
    }

    @Test func oldClosedEscalationsAreArchivedAndFoundByID() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let store = try test.open()
        let old = try closed(store, "Old", at: 0)
        let recent = try closed(store, "Recent", at: 60 * 86_400)
        let open = try store.commit(.create(Fixture.draft("Open")), on: nil, context: Fixture.context("alice", 61 * 86_400)).escalation
        let reread = try test.open()
        #expect(reread.ledger[old] == nil)
        #expect(reread.ledger[recent] != nil)
        #expect(reread.ledger[open] != nil)
        #expect(try reread.archivedEscalation(old)?.title == "Old")
        #expect(try reread.isArchived(old))
        #expect(try !reread.isArchived(recent))
        #expect(try reread.loadArchiveSummaries().map(\.id) == [old])
        #expect(try reread.loadArchive().map(\.title) == ["Old"], "the board's reports read the archive whole")
    }

    @Test func aFocusedOpenReadsOnlyItsEscalation() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let store = try test.open()
        let a = try store.commit(.create(Fixture.draft("A")), on: nil, context: Fixture.context()).escalation
        let b = try store.commit(.create(Fixture.draft("B")), on: nil, context: Fixture.context()).escalation
        let focused = try test.open(focus: [a])
        #expect(focused.ledger.escalations.keys.sorted { $0.description < $1.description } == [a])
        #expect(focused.ledger.lastSequence == 2)
        try store.commit(.acknowledge(owner: "dana"), on: b, context: Fixture.context("dana", 10))
        try focused.commit(.acknowledge(owner: "erin"), on: a, context: Fixture.context("erin", 20))
        #expect(focused.ledger[a]?.owner == "erin")
        #expect(focused.ledger[b] == nil)
        #expect(focused.ledger.lastSequence == 4)
        let next = try focused.commit(.create(Fixture.draft("C")), on: nil, context: Fixture.context("erin", 30))
        #expect(next.escalation.number == 3, "ids never reused, even by a focused store")
    }

    @Test func anotherProcesssCommitArrivesThroughTheChangeStream() async throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let board = try test.open()
        let writer = try test.open()
        let heard = AsyncStream<[Event]>.makeStream()
        let follower = try board.followChanges(onChange: { events, _ in heard.continuation.yield(events) }, onError: nil)
        defer { follower.stop() }
        // LISTEN is in place once the follower's first catch-up ran; commit until it is heard.
        let id = try writer.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        var iterator = heard.stream.makeAsyncIterator()
        let events = await iterator.next()
        #expect(events?.last?.escalation == id)
        #expect(board.ledger[id] != nil)
        try writer.commit(.acknowledge(owner: "dana"), on: id, context: Fixture.context("dana", 5))
        let second = await iterator.next()
        #expect(second?.map(\.change) == [.acknowledged(owner: "dana")])
        #expect(board.ledger[id]?.owner == "dana")
    }
}
