import EscalationKit
import EscalationStore
import Foundation
import PostgresStore
import Configuration
import Invocation

extension StoreOptions {
    /// The PostgreSQL store named by `--store` or `ESCALATOR_STORE`, when it is a libpq URI
    /// (`postgresql://` or `postgres://`); nil when the store is a directory.
    func postgres(environment: [String: String] = ProcessEnvironment.variables) throws -> ConnectionName? {
        try Self.postgres(store, environment: environment)
    }

    /// The PostgreSQL store `store` (a `--store` value, nil when not given) names, as above.
    static func postgres(_ store: String?, environment: [String: String] = ProcessEnvironment.variables) throws -> ConnectionName? {
        let text = store.flatMap { $0.isEmpty ? nil : $0 } ?? environment["ESCALATOR_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text, ConnectionName.isURI(text) else { return nil }
        do { return try ConnectionName.parse(text, environment: environment) } catch {
            throw Failure.usage(error.description)
        }
    }

    /// The routing rules of a PostgreSQL store: `$ESCALATOR_CONFIG`, else the defaults.
    static func postgresPolicy(environment: [String: String] = ProcessEnvironment.variables) throws -> Policy {
        guard let path = environment["ESCALATOR_CONFIG"], !path.isEmpty else { return .standard }
        do { return try PolicyFile.load(path: path) } catch {
            throw Failure(.badInput, "The configuration is not valid; nothing was changed.\n\(error)")
        }
    }
}
