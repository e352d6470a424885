#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// outbox.log: checksummed JSON lines with the store's file mode, never written through a link.
@Suite struct OutboxFileTests {
    func delivery(_ n: Int) -> OutboxDelivery {
        OutboxDelivery(key: "ESC-2026-000\(n)|\(n)|routed", kind: "routed", escalation: "ESC-2026-000\(n)", command: "/bin/true",
                       payload: "{\"idempotency_key\":\"x\"}", queued: Date(timeIntervalSince1970: 1_773_133_200), sequence: n)
    }

    @Test func recordsComeBackInOrderAndATornLineIsSkipped() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        _ = try Store.create(at: scratch.store, policy: .standard)
        let outbox = OutboxFile(directory: scratch.store)
        #expect(!outbox.exists)
        let records: [OutboxRecord] = [.seen(sequence: 0), .queued(delivery(1)), .attempt(id: delivery(1).id, at: Date(timeIntervalSince1970: 1_773_133_260), failure: "exited with status 1")]
        try outbox.append(records)
        #expect(try outbox.read().records == records)
        #expect(FileFacts.mode(outbox.path).map { $0 & 0o777 } == StoreLayout(scratch.store).fileMode)
        // A crash mid-append leaves a line without its end; a flipped byte breaks a checksum.
        let fd = open(outbox.path, O_WRONLY | O_APPEND)
        _ = "{\"checksum\":\"0000\",\"rec".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        try outbox.append([.queued(delivery(2))])
        let (read, damaged) = try outbox.read()
        #expect(read == records + [.queued(delivery(2))], "only the torn line is lost")
        #expect(damaged == 1)
    }

    @Test func aLinkPlantedAsTheOutboxIsRefused() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        _ = try Store.create(at: scratch.store, policy: .standard)
        let victim = scratch.root.appendingPathComponent("victim").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let outbox = OutboxFile(directory: scratch.store)
        symlink(victim, outbox.path)
        #expect(throws: StoreError.self) { try outbox.append([.seen(sequence: 1)]) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    /// Written times are rounded to the millisecond, sometimes up: a delivery queued "now" is due now.
    @Test func aDeliveryQueuedNowIsDueNowAfterTheRoundTrip() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        _ = try Store.create(at: scratch.store, policy: .standard)
        let outbox = OutboxFile(directory: scratch.store)
        let now = Date(timeIntervalSince1970: 1_773_133_200.123_9)
        var d = delivery(1)
        d.queued = now
        try outbox.append([.queued(d)])
        #expect(try outbox.state().state.due(at: now, RetrySchedule()).map(\.delivery.id) == [d.id])
    }
}
