#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import EscalationStore
import Invocation
import Foundation
import PostgresNIO

/// What a whole-store load put in: the counts `migrate` and `demo` verify and report.
public struct LoadedTrail: Equatable, Sendable {
    public var events: Int
    public var escalations: Int
    public var accounts: Int

    public init(events: Int, escalations: Int, accounts: Int) {
        self.events = events
        self.escalations = escalations
        self.accounts = accounts
    }
}

extension PostgresStore {
    /// Loads a whole trail into this empty store in one transaction (`migrate`, `demo`), in batches:
    /// the events numbered 1…n in order, the current state they replay to, and the accounts. A store
    /// that already holds an event is refused and nothing is changed.
    ///
    /// `keepingLogins`: the events come from another store and keep the login it recorded, in
    /// `original_login`; `login` is still the importer, set by the server. Only the schema's owner may
    /// write `original_login`, so a writer's migrate is refused (permission denied). Without it the
    /// events are new (demo data) and carry the importer's login, like any commit.
    /// `notificationKeys` are the source's once-only notification record, kept so that `notify` does
    /// not send those again. `progress` hears how many events are sent, now and then.
    @discardableResult
    public func load(trail events: [Event], accounts: [Account], notificationKeys: Set<String> = [], keepingLogins: Bool,
                     progress: (Int) -> Void = { _ in }) throws(StoreError) -> LoadedTrail {
        let loaded = try transaction(readOnly: false) { () throws -> LoadedTrail in
            // Writers wait behind the head row; a store with any history is not a target.
            guard try lastSequence(locking: true) == 0,
                  try connection.query("SELECT count(*) FROM escalator.escalations", logger: Self.logger).wait().first?.decode(Int.self) == 0
            else {
                throw StoreError.rejected(LifecycleError(.invalidValue, "\(name) already holds escalations; a whole store is loaded only into an empty one. Nothing was changed."))
            }
            let login = try connection.query("SELECT session_user::text", logger: Self.logger).wait().first?.decode(String.self)
            var ledger = Ledger()
            // Encoded on every core and replayed in slices; each slice is one INSERT of arrays
            // (unnest), which the server takes about as fast as COPY, through the blocking client.
            for start in stride(from: 0, to: events.count, by: Self.loadSlice) {
                let slice = Array(events[start..<min(events.count, start + Self.loadSlice)].enumerated())
                let encoded = parallelMap(slice) { offset, event -> Result<(bytes: [UInt8], canonical: Event), StoreError> in
                    var event = event
                    event.sequence = start + offset + 1
                    if !keepingLogins { event.login = login }
                    return Result { () throws(StoreError) in try StoredJSON.encode(event) }
                }
                var sequences: [Int] = [], ids: [String] = [], revisions: [Int] = [], times: [String] = [], bodies: [String] = [], originals: [String] = []
                for (index, result) in encoded.enumerated() {
                    let (bytes, canonical) = try result.get()
                    do { try ledger.apply(canonical) } catch {
                        throw StoreError.rejected(LifecycleError(.invalidValue, "The event does not fit the store: \(error)"))
                    }
                    sequences.append(canonical.sequence)
                    ids.append(canonical.escalation.description)
                    revisions.append(canonical.expectedRevision)
                    // As text to the millisecond: a bound timestamp would lose a microsecond to binary rounding.
                    times.append(Self.timestampText(canonical.time))
                    bodies.append(String(decoding: bytes, as: UTF8.self))
                    // '' is a source that recorded no login (NULL means: not imported).
                    originals.append(slice[index].element.login ?? "")
                }
                if keepingLogins {
                    _ = try connection.query("""
                        INSERT INTO escalator.events (sequence, escalation, expected_revision, event_time, body, original_login)
                        SELECT s, e, r, t::timestamptz, b, o FROM unnest(\(sequences), \(ids), \(revisions), \(times), \(bodies), \(originals)) AS u(s, e, r, t, b, o)
                        """, logger: Self.logger).wait()
                } else {
                    _ = try connection.query("""
                        INSERT INTO escalator.events (sequence, escalation, expected_revision, event_time, body)
                        SELECT s, e, r, t::timestamptz, b FROM unnest(\(sequences), \(ids), \(revisions), \(times), \(bodies)) AS u(s, e, r, t, b)
                        """, logger: Self.logger).wait()
                }
                progress(start + slice.count)
            }
            let rows = Array(ledger.escalations.values)
            for start in stride(from: 0, to: rows.count, by: Self.loadSlice) {
                let slice = Array(rows[start..<min(rows.count, start + Self.loadSlice)])
                let encoded = parallelMap(slice) { escalation in Result { () throws(StoreError) in try StoredJSON.encode(escalation) } }
                var bodies: [String] = []
                for body in encoded { bodies.append(String(decoding: try body.get(), as: UTF8.self)) }
                let ids = slice.map(\.id.description), years = slice.map(\.id.year), numbers = slice.map(\.id.number)
                let statuses = slice.map(\.status.rawValue), revisions = slice.map(\.revision)
                // '' for an escalation not closed: arrays of the client carry no NULLs.
                let closed = slice.map { $0.closedAt.map(Self.timestampText) ?? "" }
                let lasts = slice.map { $0.history.last?.sequence ?? 0 }
                _ = try connection.query("""
                    INSERT INTO escalator.escalations (id, year, number, status, revision, closed_at, last_sequence, body)
                    SELECT id, year, number, status, revision, NULLIF(closed, '')::timestamptz, last, body
                    FROM unnest(\(ids), \(years), \(numbers), \(statuses), \(revisions), \(closed), \(lasts), \(bodies))
                        AS rows(id, year, number, status, revision, closed, last, body)
                    """, logger: Self.logger).wait()
            }
            var keys: Set<String> = []
            for account in accounts {
                let key = account.name.trimmed.lowercased()
                let body = String(decoding: try StoredJSON.encode(account), as: UTF8.self)
                _ = try connection.query("""
                    INSERT INTO escalator.accounts (key, body) VALUES (\(key), \(body))
                    ON CONFLICT (key) DO UPDATE SET body = excluded.body
                    """, logger: Self.logger).wait()
                keys.insert(key)
            }
            if !notificationKeys.isEmpty {
                let sorted = notificationKeys.sorted()
                _ = try connection.query("""
                    INSERT INTO escalator.notified (key) SELECT k FROM unnest(\(sorted)) AS u(k) ON CONFLICT (key) DO NOTHING
                    """, logger: Self.logger).wait()
            }
            if !events.isEmpty {
                _ = try connection.query("UPDATE escalator.head SET last_sequence = \(events.count)", logger: Self.logger).wait()
                _ = try connection.query("SELECT pg_notify(\(Schema.channel), \(String(events.count)))", logger: Self.logger).wait()
            }
            return LoadedTrail(events: events.count, escalations: rows.count, accounts: keys.count)
        }
        try load()
        return loaded
    }

    /// Every event in order, each with the login its source recorded (an imported one's original
    /// login), every escalation as stored now (archived ones too), and the accounts: one snapshot.
    public func dumpTrail(progress: @escaping (Int) -> Void = { _ in }) throws(StoreError) -> (events: [Event], escalations: Int, accounts: [Account]) {
        try transaction(readOnly: true) { () throws -> (events: [Event], escalations: Int, accounts: [Account]) in
            try self.checkVersion()
            var events: [Event] = []
            let rows = try connection.query("SELECT body, \(unescaped: Self.recordedLogin) FROM escalator.events ORDER BY sequence",
                                            logger: Self.logger).wait()
            events.reserveCapacity(rows.count)
            for row in rows {
                let (body, login) = try row.decode((String, String?).self)
                var event = try StoredJSON.decodeEvent(Array(body.utf8))
                event.login = login
                events.append(event)
                if events.count % 20_000 == 0 { progress(events.count) }
            }
            let escalations = try connection.query("SELECT count(*) FROM escalator.escalations", logger: Self.logger).wait().first?.decode(Int.self) ?? 0
            let accounts = try connection.query("SELECT body FROM escalator.accounts ORDER BY key", logger: Self.logger).wait()
                .map { row in try StoredJSON.decode(Account.self, from: Array(try row.decode(String.self).utf8)) }
            return (events, escalations, accounts)
        }
    }

    /// How many events, escalations and accounts the store holds now (what `migrate` verifies).
    public func counts() throws(StoreError) -> LoadedTrail {
        try transaction(readOnly: true) { () throws -> LoadedTrail in
            let row = try connection.query("""
                SELECT (SELECT count(*) FROM escalator.events), (SELECT count(*) FROM escalator.escalations),
                       (SELECT count(*) FROM escalator.accounts)
                """, logger: Self.logger).wait().first!
            let (events, escalations, accounts) = try row.decode((Int, Int, Int).self)
            return LoadedTrail(events: events, escalations: escalations, accounts: accounts)
        }
    }

    /// The login an event shows: an imported event's original one ('' when its source recorded
    /// none), else the session user the server recorded.
    static let recordedLogin = "CASE WHEN original_login IS NULL THEN login::text WHEN original_login = '' THEN NULL ELSE original_login::text END"

    /// Rows per INSERT: big enough that round trips do not count, small enough to stream.
    static let loadSlice = 10_000

    /// UTC with milliseconds, as the stored JSON keeps times; by hand (a date formatter costs more than the rest of a row).
    static func timestampText(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded())
        let whole = millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000)
        var seconds = time_t(whole)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let ms = millis - whole * 1000
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(msText)+00"
    }
}
