import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// The change stream across a lost connection: reported lost, retried with backoff, caught up by
/// sequence (the notifications sent meanwhile are lost, the events are not), reported restored.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresFollowingTests {
    @Test func aTerminatedConnectionIsLostThenRestoredAfterTheChangesMadeMeanwhile() async throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let role = try test.login("follow", in: "escalator_writer")
        let board = try test.open(role)
        let writer = try test.open()
        let id = try writer.commit(.create(Fixture.draft()), on: nil, context: Fixture.context()).escalation
        try board.refresh()
        let heard = Heard()
        let follower = try board.followChanges(onChange: { events, _ in heard.add(events.map { "event \($0.sequence)" }) },
                                               onError: { error in heard.add(["error \(error)"]) },
                                               onConnection: { connection in
                                                   switch connection {
                                                   case .lost: heard.add(["lost"])
                                                   case .restored: heard.add(["restored"])
                                                   }
                                               })
        defer { follower.stop() }
        // The board's role may not log in again for now, so the change below is made while it is away.
        try TestCluster.sql(TestCluster.admin, "ALTER ROLE \(role.user) NOLOGIN",
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role.user)'")
        #expect(await heard.wait(for: "lost"), "\(heard.all)")
        let names = try TestCluster.sql(TestCluster.admin, "SELECT count(*) FROM pg_stat_activity WHERE usename = '\(role.user)'")
        #expect(names == [["0"]])
        try writer.commit(.acknowledge(owner: "dana"), on: id, context: Fixture.context("dana", 10))
        try await Task.sleep(for: .milliseconds(500))
        #expect(!heard.all.contains("event 2"), "nothing is heard while disconnected")
        #expect(heard.all.filter { $0 == "lost" }.count == 1, "a loss is said once, not at every retry: \(heard.all)")

        try TestCluster.sql(TestCluster.admin, "ALTER ROLE \(role.user) LOGIN")
        #expect(await heard.wait(for: "restored", timeout: 15), "\(heard.all)")
        let all = heard.all
        #expect(all.firstIndex(of: "event 2").map { $0 < all.firstIndex(of: "restored")! } == true,
                "the change made meanwhile arrives before the connection is said restored: \(all)")
        #expect(!all.contains { $0.hasPrefix("error") }, "\(all)")
        #expect(board.ledger[id]?.owner == "dana")
        // The store's own connection was terminated too: its next write runs on a new one.
        try board.commit(.start, on: id, context: Fixture.context("dana", 20))
        #expect(try test.open().ledger[id]?.status == .inProgress)
        let both = try TestCluster.sql(TestCluster.admin, "SELECT application_name FROM pg_stat_activity WHERE usename = '\(role.user)' ORDER BY 1")
        #expect(both == [["escalator"], ["escalator follower"]], "the follower's connection is named apart")
    }

    @Test func withoutAConnectionCallbackALossIsAnError() async throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let role = try test.login("follow", in: "escalator_writer")
        let board = try test.open(role)
        let heard = Heard()
        let follower = try board.followChanges(onChange: { _, _ in }, onError: { _ in heard.add(["error"]) })
        defer { follower.stop() }
        try TestCluster.sql(TestCluster.admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role.user)'")
        #expect(await heard.wait(for: "error"), "\(heard.all)")
    }
}

/// What a follower said, in order, from its threads.
final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ more: [String]) { lock.withLock { lines += more } }
    var all: [String] { lock.withLock { lines } }

    /// Waits without holding one of the test pool's threads.
    func wait(for line: String, timeout: TimeInterval = 10) async -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if all.contains(line) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return all.contains(line)
    }
}
