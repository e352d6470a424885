import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Reads the events other processes committed since the last read and applies them; returns them in order.
    @discardableResult
    public func refresh() throws(StoreError) -> [Event] {
        mutex.lock()
        defer { mutex.unlock() }
        return try catchUpLocked(through: [])
    }

    /// Brings `state` up to date (the caller holds `mutex`): the events after the last one applied,
    /// read in order. `own` are events this process just committed, which need no reading back when
    /// nobody wrote between.
    @discardableResult
    func catchUpLocked(through own: [Event]) throws(StoreError) -> [Event] {
        var next = state
        var events: [Event] = []
        if let first = own.first, first.sequence == next.lastSequence + 1 {
            events = own
        } else {
            try reviveLocked()
            events = try Self.run(name) { () throws -> [Event] in
                try connection.query("SELECT body, \(unescaped: Self.recordedLogin) FROM escalator.events WHERE sequence > \(next.lastSequence) ORDER BY sequence",
                                     logger: Self.logger).wait()
                    .map { row in
                        let (body, login) = try row.decode((String, String?).self)
                        var event = try StoredJSON.decodeEvent(Array(body.utf8))
                        // The server's record of who connected, not what the client wrote (or, for an
                        // imported event, the login its source store recorded).
                        event.login = login
                        return event
                    }
            }
        }
        var missing: Set<EscalationID> = []
        for event in events where next[event.escalation] == nil {
            if case .created = event.change { continue }
            if focused == nil { missing.insert(event.escalation) }
        }
        if !missing.isEmpty {
            // A change to an escalation this process does not hold (an archived one): its row is taken
            // as it is now, and the events it already reflects are stepped over.
            let now = try Self.run(name) { try rows(Array(missing)) }
            next.insert(now)
        }
        for event in events {
            do {
                let isCreation: Bool
                if case .created = event.change { isCreation = true } else { isCreation = false }
                // An escalation taken as it is now already reflects its events: they are stepped over.
                if let held = next[event.escalation], !isCreation, held.revision <= event.expectedRevision {
                    try next.apply(event)
                } else if isCreation, next[event.escalation] == nil {
                    try next.apply(event)
                } else {
                    try next.pass(over: event)
                }
            } catch {
                throw .damaged(path: name.description, location: "event \(event.sequence)", reason: error.reason)
            }
        }
        state = next
        return events
    }

    /// The closed escalation `id` when it is past the archive age (not in `ledger`), else nil.
    public func archivedEscalation(_ id: EscalationID) throws(StoreError) -> Escalation? {
        guard ledger[id] == nil else { return nil }
        return try transaction(readOnly: true) { () throws -> Escalation? in
            try rows([id]).first.flatMap { $0.status == .closed ? $0 : nil }
        }
    }

    public func isArchived(_ id: EscalationID) throws(StoreError) -> Bool {
        try archivedEscalation(id) != nil
    }

    /// Every closed escalation past the archive age, oldest id first.
    public func loadArchiveSummaries() throws(StoreError) -> [ArchivedSummary] {
        try loadArchive().map(ArchivedSummary.init(archived:))
    }

    /// Every closed escalation past the archive age and not back in `ledger`, oldest id first.
    public func loadArchive() throws(StoreError) -> [Escalation] {
        let current = ledger
        let archived = try transaction(readOnly: true) { () throws -> [Escalation] in
            try StoredJSON.decodeAll(Escalation.self, from: try connection.query("""
                SELECT body FROM escalator.escalations
                WHERE status = 'closed' AND closed_at < \(archiveCutoff())
                ORDER BY year, number
                """, logger: Self.logger).wait().map { try $0.decode(String.self) })
        }
        return archived.filter { current[$0.id] == nil }
    }

    /// Every known account, by name.
    public func accounts() throws(StoreError) -> [Account] {
        try transaction(readOnly: true) { () throws -> [Account] in
            try connection.query("SELECT body FROM escalator.accounts ORDER BY key", logger: Self.logger).wait()
                .map { row in try StoredJSON.decode(Account.self, from: Array(try row.decode(String.self).utf8)) }
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Adds or updates accounts (matched by name, ignoring case and surrounding spaces), in one transaction.
    @discardableResult
    public func saveAccounts(_ accounts: [Account]) throws(StoreError) -> (added: Int, updated: Int) {
        try transaction(readOnly: false) { () throws -> (added: Int, updated: Int) in
            var added = 0, updated = 0
            var seen: Set<String> = []
            for account in accounts {
                let key = account.name.trimmed.lowercased()
                let body = String(decoding: try StoredJSON.encode(account), as: UTF8.self)
                let rows = try connection.query("""
                    INSERT INTO escalator.accounts (key, body) VALUES (\(key), \(body))
                    ON CONFLICT (key) DO UPDATE SET body = excluded.body
                    RETURNING (xmax = 0)
                    """, logger: Self.logger).wait()
                let inserted = try rows.first?.decode(Bool.self) ?? false
                if inserted && !seen.contains(key) { added += 1 } else if !seen.contains(key) { updated += 1 }
                seen.insert(key)
            }
            return (added, updated)
        }
    }
}
