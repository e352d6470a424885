import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Brings an older schema up to this binary's version, running the missing steps of
    /// `Schema.upgrades` in one transaction (all or none). Returns the steps done: none when the
    /// schema is already current. A newer schema is refused, and so is a database with no store.
    public static func upgrade(_ address: ConnectionName) throws(StoreError) -> (from: Int, to: Int, steps: [String]) {
        let connection = try connect(address)
        defer { try? connection.close().wait() }
        return try run(address) { () throws -> (from: Int, to: Int, steps: [String]) in
            _ = try connection.query("BEGIN", logger: logger).wait()
            do {
                // One upgrade (or init) at a time; a second waits, then finds the schema current.
                _ = try connection.query("SELECT pg_advisory_xact_lock(7360127)", logger: logger).wait()
                let rows = try connection.query("SELECT max(version) FROM escalator.schema_version", logger: logger).wait()
                guard let found = try rows.first?.decode(Int?.self) ?? nil else {
                    throw StoreError.damaged(path: address.description, location: "schema_version", reason: "no version is recorded")
                }
                guard found <= Schema.version else { throw StoreError.newerSchema(found: found, known: Schema.version) }
                var steps: [String] = []
                for step in Schema.upgrades where step.version > found {
                    for statement in step.statements {
                        _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
                    }
                    steps.append("version \(step.version): \(step.summary)")
                }
                _ = try connection.query("COMMIT", logger: logger).wait()
                return (found, Schema.version, steps)
            } catch {
                _ = try? connection.query("ROLLBACK", logger: logger).wait()
                throw error
            }
        }
    }

    /// The refusal of a schema older than this binary's, saying how to upgrade it.
    static func olderSchema(found: Int, name: ConnectionName) -> StoreError {
        .io(path: name.description, reason: "the store's schema is version \(found), older than this Escalator's \(Schema.version). "
            + "Upgrade it with `escalator init --upgrade --store URI`, as the schema's owner; nothing was changed.")
    }
}
