import EscalationKit
import EscalationStore
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL store: the same events as the directory store, in a database that numbers them,
/// enforces the append-only trail and records who made each (see `Schema`).
///
/// One connection per store, used under an internal lock, so it is thread-safe like `Store`. Its
/// methods block: they are called from the command line's and the board's threads, never from an
/// event loop.
public final class PostgresStore: EscalationStoring, @unchecked Sendable {
    public let name: ConnectionName
    public let policy: Policy
    public var storeName: String { name.description }

    public var lockTimeout: Duration {
        get { mutex.withLock { _lockTimeout } }
        set { mutex.withLock { _lockTimeout = newValue } }
    }
    public var ledger: Ledger { mutex.withLock { state } }
    public var focus: Set<EscalationID>? { mutex.withLock { focused } }

    /// Replaced when the server closed it (`reviveLocked`); used under `mutex`.
    var connection: PostgresConnection
    let mutex = NSLock()
    var state: Ledger
    var focused: Set<EscalationID>?
    var _lockTimeout: Duration = .seconds(5)
    /// This process's threads take turns for the advisory locks through these (see `holdingAdvisoryLock`).
    let sendersGate = NSLock()
    let delivererGate = NSLock()

    static let logger: Logger = {
        var logger = Logger(label: "escalator.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }()

    private init(name: ConnectionName, policy: Policy, connection: PostgresConnection, focus: Set<EscalationID>?) {
        self.name = name
        self.policy = policy
        self.connection = connection
        self.focused = focus
        self.state = Ledger()
    }

    deinit { try? connection.close().wait() }

    /// Opens the store in an existing database: whole, or only `focus` (and what is created since).
    public static func open(_ address: ConnectionName, policy: Policy, focus: Set<EscalationID>?) throws(StoreError) -> PostgresStore {
        let store = PostgresStore(name: address, policy: policy, connection: try connect(address), focus: focus)
        try store.load()
        return store
    }

    public static func open(_ address: ConnectionName, policy: Policy) throws(StoreError) -> PostgresStore {
        try open(address, policy: policy, focus: nil)
    }

    /// Creates the schema, its tables and the two roles in an existing database, in one transaction;
    /// nil (and nothing changed) when the database already holds a store. Returns the store and what was made.
    public static func create(_ address: ConnectionName, policy: Policy) throws(StoreError) -> (store: PostgresStore, created: [String])? {
        let connection = try connect(address)
        let made: Bool
        do {
            made = try run(address) { () throws -> Bool in
                _ = try connection.query("BEGIN", logger: logger).wait()
                do {
                    // One init at a time: a second waits, then finds the schema.
                    _ = try connection.query("SELECT pg_advisory_xact_lock(7360127)", logger: logger).wait()
                    let exists = try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = 'escalator'", logger: logger).wait()
                    guard exists.isEmpty else {
                        _ = try connection.query("ROLLBACK", logger: logger).wait()
                        return false
                    }
                    for statement in Schema.create {
                        _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
                    }
                    _ = try connection.query("COMMIT", logger: logger).wait()
                    return true
                } catch {
                    _ = try? connection.query("ROLLBACK", logger: logger).wait()
                    throw error
                }
            }
        } catch {
            try? connection.close().wait()
            throw error
        }
        guard made else {
            try? connection.close().wait()
            return nil
        }
        let store = PostgresStore(name: address, policy: policy, connection: connection, focus: nil)
        try store.load()
        return (store, Schema.createdSummary)
    }

    /// Reads the ledger in one consistent snapshot: the schema version (a newer one is refused), the
    /// last sequence, the ids used per year and the open and recently closed escalations.
    func load() throws(StoreError) {
        let focus = focused
        let ledger = try transaction(readOnly: true) { () throws -> Ledger in
            try self.checkVersion()
            let head = try self.lastSequence()
            let years = try self.numbersByYear()
            let rows: PostgresQueryResult
            if let focus {
                let ids = focus.map(\.description)
                // An archived one is not held, as the directory store's focused open holds none.
                rows = try self.connection.query("""
                    SELECT body FROM escalator.escalations
                    WHERE id = ANY(\(ids)) AND (status <> 'closed' OR closed_at >= \(self.archiveCutoff()))
                    """, logger: Self.logger).wait()
            } else {
                // Each arm matches a partial index (escalations_open, escalations_closed_at), so at a
                // million rows the server ORs two index scans instead of reading the table.
                rows = try self.connection.query("""
                    SELECT body FROM escalator.escalations
                    WHERE status <> 'closed' OR (status = 'closed' AND closed_at >= \(self.archiveCutoff()))
                    """, logger: Self.logger).wait()
            }
            let escalations = try StoredJSON.decodeAll(Escalation.self, from: try rows.map { try $0.decode(String.self) })
            return Ledger(escalations: escalations, lastSequence: head, lastNumberByYear: years)
        }
        mutex.withLock { state = ledger }
    }

    /// Escalations closed before this time are archived: the policy's archive age counted back from
    /// the newest event, as the directory store counts it.
    func archiveCutoff() throws -> Date {
        let rows = try connection.query("SELECT coalesce(max(event_time), now()) FROM escalator.events", logger: Self.logger).wait()
        return try rows.first!.decode(Date.self).addingTimeInterval(-Double(policy.archiveAfterDays) * 86_400)
    }

    func checkVersion() throws {
        let rows = try connection.query("SELECT max(version) FROM escalator.schema_version", logger: Self.logger).wait()
        let found = try rows.first?.decode(Int?.self) ?? nil
        guard let found else { throw StoreError.damaged(path: name.description, location: "schema_version", reason: "no version is recorded") }
        guard found <= Schema.version else { throw StoreError.newerSchema(found: found, known: Schema.version) }
        // Never upgraded by accident: an older schema waits for its owner's explicit command.
        guard found == Schema.version else { throw Self.olderSchema(found: found, name: name) }
    }

    func lastSequence(locking: Bool = false) throws -> Int {
        let rows = try connection.query(locking ? "SELECT last_sequence FROM escalator.head FOR UPDATE" : "SELECT last_sequence FROM escalator.head",
                                        logger: Self.logger).wait()
        guard let row = rows.first else { throw StoreError.damaged(path: name.description, location: "head", reason: "the head row is missing") }
        return try row.decode(Int.self)
    }

    func numbersByYear() throws -> [Int: Int] {
        var years: [Int: Int] = [:]
        // Year by year through the (year, number) index, a few probes instead of a scan of every row.
        for row in try connection.query("""
            WITH RECURSIVE years(year) AS (
                SELECT min(year) FROM escalator.escalations
                UNION ALL SELECT (SELECT min(year) FROM escalator.escalations WHERE year > years.year) FROM years WHERE years.year IS NOT NULL)
            SELECT year, (SELECT max(number) FROM escalator.escalations e WHERE e.year = years.year) FROM years WHERE year IS NOT NULL
            """, logger: Self.logger).wait() {
            let (year, number) = try row.decode((Int, Int).self)
            years[year] = number
        }
        return years
    }
}
