import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public var outbox: any Outbox { PostgresOutbox(store: self) }
    public var notificationRecord: any NotificationRecording { PostgresNotificationRecord(store: self) }
    public func hookLog(limit: Int) -> any HookLogging { PostgresHookLog(store: self, limit: max(limit, 1)) }

    /// Runs `body` holding the advisory lock `key` (the one sender, the one deliverer), waiting at
    /// most `timeout` for a holder in another process or on another host; `.busy` naming its login
    /// then. Threads of this process take turns through `gate` first: the server's lock is the
    /// connection's, which they share.
    func holdingAdvisoryLock<T>(_ key: Int64, gate: NSLock, timeout: Duration, _ body: () throws -> T) throws -> T {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let deadline = Date().addingTimeInterval(seconds)
        guard gate.lock(before: deadline) else { throw StoreError.busy(holder: "another thread of this process", waited: timeout) }
        defer { gate.unlock() }
        let milliseconds = max(1, Int(deadline.timeIntervalSinceNow * 1000))
        do {
            try Self.run(name, lockTimeout: timeout) { () throws in
                try mutex.withLock { () throws in
                    _ = try connection.query(PostgresQuery(unsafeSQL: "SET lock_timeout = \(milliseconds)"), logger: Self.logger).wait()
                    defer { _ = try? connection.query("RESET lock_timeout", logger: Self.logger).wait() }
                    _ = try connection.query("SELECT pg_advisory_lock(\(key))", logger: Self.logger).wait()
                }
            }
        } catch .busy {
            throw StoreError.busy(holder: advisoryHolder(key), waited: timeout)
        }
        defer {
            mutex.withLock { _ = try? connection.query("SELECT pg_advisory_unlock(\(key))", logger: Self.logger).wait() }
        }
        return try body()
    }

    /// Who holds the advisory lock `key`, as far as this login may see.
    private func advisoryHolder(_ key: Int64) -> String {
        let rows = mutex.withLock {
            try? connection.query("""
                SELECT a.usename::text, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objid = \(key) LIMIT 1
                """, logger: Self.logger).wait()
        }
        guard let row = rows?.first, let (login, pid) = try? row.decode((String?, Int).self) else {
            return "another process on \(name)"
        }
        return "\(login ?? "another login") (server process \(pid)) on \(name)"
    }

    /// Writes outbox records (the caller is in a writing transaction): a delivery already queued is
    /// kept once, its first queueing standing.
    func insertOutbox(_ records: [OutboxRecord]) throws {
        let encoder = OutboxCoding.encoder
        for record in records {
            let body = String(decoding: try encoder.encode(record), as: UTF8.self)
            switch record {
            case .queued(let delivery):
                _ = try connection.query("""
                    INSERT INTO escalator.outbox (kind, delivery_id, body) VALUES ('queued', \(delivery.id), \(body))
                    ON CONFLICT (delivery_id) WHERE kind = 'queued' DO NOTHING
                    """, logger: Self.logger).wait()
            case .attempt(let id, _, _), .retry(let id, _):
                _ = try connection.query("INSERT INTO escalator.outbox (kind, delivery_id, body) VALUES (\(Self.kind(record)), \(id), \(body))",
                                         logger: Self.logger).wait()
            case .seen:
                _ = try connection.query("INSERT INTO escalator.outbox (kind, body) VALUES ('seen', \(body))", logger: Self.logger).wait()
            }
        }
    }

    private static func kind(_ record: OutboxRecord) -> String {
        switch record {
        case .queued: "queued"
        case .attempt: "attempt"
        case .retry: "retry"
        case .seen: "seen"
        }
    }
}

/// The outbox as rows of `escalator.outbox`, the same records `OutboxFile` writes as lines; each
/// append is one transaction, and delivering takes an advisory lock that no writer takes.
struct PostgresOutbox: Outbox {
    let store: PostgresStore

    func append(_ records: [OutboxRecord]) throws(StoreError) {
        guard !records.isEmpty else { return }
        try store.transaction(readOnly: false) { () throws in try store.insertOutbox(records) }
    }

    func read() throws(StoreError) -> (records: [OutboxRecord], damaged: Int) {
        let bodies = try store.transaction(readOnly: true) { () throws -> [String] in
            try store.connection.query("SELECT body FROM escalator.outbox ORDER BY position", logger: PostgresStore.logger).wait()
                .map { try $0.decode(String.self) }
        }
        let decoder = OutboxCoding.decoder
        var records: [OutboxRecord] = []
        var damaged = 0
        for body in bodies {
            guard let record = try? decoder.decode(OutboxRecord.self, from: Data(body.utf8)) else {
                damaged += 1
                continue
            }
            records.append(record)
        }
        return (records, damaged)
    }

    func asDeliverer<T>(timeout: Duration, actor: String, _ body: () throws -> T) throws -> T {
        try store.holdingAdvisoryLock(Schema.delivererLock, gate: store.delivererGate, timeout: timeout, body)
    }

    /// True once anything was queued; a store that cannot say is taken to have one, so the
    /// delivering pass reports why.
    var exists: Bool {
        (try? store.transaction(readOnly: true) { () throws -> Bool in
            try store.connection.query("SELECT EXISTS (SELECT 1 FROM escalator.outbox)", logger: PostgresStore.logger).wait()
                .first?.decode(Bool.self) ?? false
        }) ?? true
    }
}

/// `notify`'s once-only record as rows of `escalator.notified`: a key and its deliveries are
/// written in one transaction, and the key's primary key refuses a second, so two senders on two
/// hosts never queue one notification twice, even without the senders' lock.
struct PostgresNotificationRecord: NotificationRecording {
    let store: PostgresStore

    func keys() throws(StoreError) -> Set<String> {
        try store.transaction(readOnly: true) { () throws -> Set<String> in
            Set(try store.connection.query("SELECT key FROM escalator.notified", logger: PostgresStore.logger).wait()
                .map { try $0.decode(String.self) })
        }
    }

    func withLock<T>(timeout: Duration, actor: String, _ body: () throws -> T) throws -> T {
        try store.holdingAdvisoryLock(Schema.sendersLock, gate: store.sendersGate, timeout: timeout, body)
    }

    func record(_ key: String, queueing records: [OutboxRecord]) throws(NotificationRecordFailure) -> Bool {
        do throws(StoreError) {
            return try store.transaction(readOnly: false) { () throws -> Bool in
                let claimed = try store.connection.query(
                    "INSERT INTO escalator.notified (key) VALUES (\(key)) ON CONFLICT (key) DO NOTHING RETURNING key",
                    logger: PostgresStore.logger).wait()
                guard !claimed.isEmpty else { return false }
                try store.insertOutbox(records)
                return true
            }
        } catch {
            throw .queueing(error)
        }
    }
}

/// The hooks log as rows of `escalator.hook_log`; past twice `limit` bytes the oldest lines go.
struct PostgresHookLog: HookLogging {
    let store: PostgresStore
    let limit: Int

    func append(_ line: String) throws(StoreError) {
        let text = SafeText.neutralized(line)
        try store.transaction(readOnly: false) { () throws in
            _ = try store.connection.query("INSERT INTO escalator.hook_log (line) VALUES (\(text))", logger: PostgresStore.logger).wait()
            _ = try store.connection.query("""
                DELETE FROM escalator.hook_log WHERE position <= (
                    SELECT position FROM (
                        SELECT position, sum(octet_length(line) + 1) OVER (ORDER BY position DESC) AS newer
                        FROM escalator.hook_log) kept
                    WHERE newer > \(2 * limit) ORDER BY position DESC LIMIT 1)
                """, logger: PostgresStore.logger).wait()
        }
    }
}
