import EscalationKit
import EscalationStore
import Foundation
import NIOSSL
import PostgresNIO

extension PostgresStore {
    /// Connects as `name` says; an unreachable server or a refused login is a `StoreError` naming
    /// the server and the user, never the password.
    static func connect(_ name: ConnectionName, following: Bool = false) throws(StoreError) -> PostgresConnection {
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try Self.configuration(name, following: following)
        } catch {
            throw .unreachable("Cannot set up TLS for \(name): \(error).")
        }
        return try run(name) {
            try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
                                           id: following ? 2 : 1, logger: logger).wait()
        }
    }

    /// Replaces the store's connection when the server closed it (terminated, restarted), so the
    /// next transaction runs on a new one; the caller holds `mutex`. One that breaks mid-transaction
    /// fails that transaction, which the server rolls back.
    func reviveLocked() throws(StoreError) {
        guard connection.isClosed else { return }
        connection = try Self.connect(name)
    }

    /// `following` names the change stream's connection apart in `pg_stat_activity`.
    static func configuration(_ name: ConnectionName, following: Bool = false) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if name.isUnixSocket {
            configuration = .init(unixSocketPath: name.socketPath, username: name.user, password: name.password, database: name.database)
        } else {
            configuration = .init(host: name.host, port: name.port, username: name.user, password: name.password,
                                  database: name.database, tls: try tls(name.sslMode))
        }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", following ? "escalator follower" : "escalator")]
        return configuration
    }

    /// libpq's sslmode as postgres-nio's TLS setting. `allow` (plain first, TLS if refused) has no
    /// equivalent and is read as `prefer`; `require` encrypts without checking the certificate, as
    /// libpq does; `verify-ca` checks the chain but not the name; `verify-full` checks both.
    static func tls(_ mode: ConnectionName.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .allow, .prefer:
            tls.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: tls))
        case .require:
            tls.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    /// Runs client work, turning what the server or the network says into a `StoreError`.
    static func run<T>(_ name: ConnectionName, lockTimeout: Duration = .seconds(5), _ work: () throws -> T) throws(StoreError) -> T {
        do { return try work() } catch let error as StoreError {
            throw error
        } catch {
            throw PostgresFailure.storeError(error, name: name, lockTimeout: lockTimeout)
        }
    }

    /// `body` in one transaction under the store's lock (read-only ones see one snapshot; writing
    /// ones give up waiting for a row lock after `lockTimeout`); rolled back when it throws.
    func transaction<T>(readOnly: Bool, _ body: () throws -> T) throws(StoreError) -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try transactionLocked(readOnly: readOnly, body)
    }

    /// `transaction` for a caller that holds `mutex`.
    func transactionLocked<T>(readOnly: Bool, _ body: () throws -> T) throws(StoreError) -> T {
        let timeout = max(1, Int(_lockTimeout.components.seconds * 1000 + _lockTimeout.components.attoseconds / 1_000_000_000_000_000))
        try reviveLocked()
        return try Self.run(name, lockTimeout: _lockTimeout) { () throws -> T in
            _ = try connection.query(PostgresQuery(unsafeSQL: readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN"),
                                     logger: Self.logger).wait()
            do {
                if !readOnly {
                    _ = try connection.query(PostgresQuery(unsafeSQL: "SET LOCAL lock_timeout = \(timeout)"), logger: Self.logger).wait()
                }
                let value = try body()
                _ = try connection.query("COMMIT", logger: Self.logger).wait()
                return value
            } catch {
                _ = try? connection.query("ROLLBACK", logger: Self.logger).wait()
                throw error
            }
        }
    }
}
