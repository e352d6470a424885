import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO
import Invocation

extension PostgresStore {
    /// Commits commands about one escalation all or nothing, in one transaction: lock the head row
    /// (writers take turns) and the escalation's row, read them as they are now, decide with the
    /// lifecycle (a command prepared against an older revision is refused naming who did what),
    /// insert the events and the new state, and NOTIFY the new last sequence number. `whileWaiting`
    /// is not called: the server does not say who holds a row lock.
    @discardableResult
    public func commit(_ commands: [Command], on id: EscalationID?, context: Context,
                       whileWaiting: (String) -> Void = { _ in }) throws(StoreError) -> [Event] {
        guard !commands.isEmpty else { return [] }
        mutex.lock()
        defer { mutex.unlock() }
        let seen = state
        let committed: [Event]
        do {
            committed = try transactionLocked(readOnly: false) { () throws -> [Event] in
                let head = try lastSequence(locking: true)
                var current = Ledger(escalations: try id.map { try rows([$0], locking: true) } ?? [], lastSequence: head,
                                     lastNumberByYear: try numbersByYear())
                let events = try CommandDecision.decide(commands, on: id, current: current, seen: seen, policy: policy, context: context)
                return try append(events, onto: &current)
            }
        } catch .rejected(let why) {
            // Refused against the state as it is now: this process sees that state too, as after a
            // refused commit on the directory store.
            try? catchUpLocked(through: [])
            throw .rejected(why)
        }
        try catchUpLocked(through: committed)
        return committed
    }

    /// Appends prepared events (demo data, imports), all or nothing, numbered after the last one;
    /// they must replay onto the current state.
    @discardableResult
    public func commitBatch(_ events: [Event]) throws(StoreError) -> [Event] {
        guard !events.isEmpty else { return [] }
        mutex.lock()
        defer { mutex.unlock() }
        let committed = try transactionLocked(readOnly: false) { () throws -> [Event] in
            let head = try lastSequence(locking: true)
            let touched = Set(events.map(\.escalation))
            var current = Ledger(escalations: try rows(Array(touched), locking: true), lastSequence: head,
                                 lastNumberByYear: try numbersByYear())
            let numbered = events.enumerated().map { index, event in
                var event = event
                event.sequence = head + 1 + index
                return event
            }
            return try append(numbered, onto: &current)
        }
        try catchUpLocked(through: committed)
        return committed
    }

    @discardableResult
    public func importEvents(_ events: [Event]) throws(StoreError) -> [Event] { try commitBatch(events) }

    /// Inserts numbered events and the state they leave, moves the head and notifies (the caller is
    /// in a writing transaction holding the head row).
    private func append(_ events: [Event], onto current: inout Ledger) throws -> [Event] {
        guard !events.isEmpty else { return [] }
        var committed: [Event] = []
        // The login the server will record (a trigger sets the column whatever is sent); the JSON
        // carries the same, and readers take the column.
        let login = try connection.query("SELECT session_user::text", logger: Self.logger).wait().first?.decode(String.self)
        for var event in events {
            event.login = login
            let (bytes, canonical) = try StoredJSON.encode(event)
            do { try current.apply(canonical) } catch {
                throw StoreError.rejected(LifecycleError(.invalidValue, "The event does not fit the store: \(error)"))
            }
            let body = String(decoding: bytes, as: UTF8.self)
            _ = try connection.query("""
                INSERT INTO escalator.events (sequence, escalation, expected_revision, event_time, body)
                VALUES (\(canonical.sequence), \(canonical.escalation.description), \(canonical.expectedRevision), \(canonical.time), \(body))
                """, logger: Self.logger).wait()
            committed.append(canonical)
        }
        for id in Set(committed.map(\.escalation)) {
            guard let escalation = current[id] else { continue }
            let body = String(decoding: try StoredJSON.encode(escalation), as: UTF8.self)
            _ = try connection.query("""
                INSERT INTO escalator.escalations (id, year, number, status, revision, closed_at, last_sequence, body)
                VALUES (\(id.description), \(id.year), \(id.number), \(escalation.status.rawValue), \(escalation.revision),
                        \(escalation.closedAt), \(escalation.history.last?.sequence ?? 0), \(body))
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, revision = excluded.revision,
                    closed_at = excluded.closed_at, last_sequence = excluded.last_sequence, body = excluded.body
                """, logger: Self.logger).wait()
        }
        let last = committed.last!.sequence
        _ = try connection.query("UPDATE escalator.head SET last_sequence = \(last)", logger: Self.logger).wait()
        _ = try connection.query("SELECT pg_notify(\(Schema.channel), \(String(last)))", logger: Self.logger).wait()
        return committed
    }

    /// The escalations with these ids as stored now; `locking` takes their row locks until commit.
    func rows(_ ids: [EscalationID], locking: Bool = false) throws -> [Escalation] {
        guard !ids.isEmpty else { return [] }
        let texts = ids.map(\.description)
        let rows = try connection.query(
            locking ? "SELECT body FROM escalator.escalations WHERE id = ANY(\(texts)) FOR UPDATE"
                    : "SELECT body FROM escalator.escalations WHERE id = ANY(\(texts))",
            logger: Self.logger).wait()
        return try rows.map { row in try StoredJSON.decode(Escalation.self, from: Array(try row.decode(String.self).utf8)) }
    }
}
