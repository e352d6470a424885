import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO

/// What the server or the network said, as the store's errors: a permission refused, a busy lock,
/// a double apply, an unreachable server. Messages name the store by `ConnectionName.description`,
/// which never holds the password.
enum PostgresFailure {
    static func storeError(_ error: any Error, name: ConnectionName, lockTimeout: Duration) -> StoreError {
        if let error = error as? PostgresTransactionError {
            return storeError(error.closureError ?? error.commitError ?? error.beginError ?? error, name: name, lockTimeout: lockTimeout)
        }
        guard let error = error as? PSQLError else {
            return .unreachable("Cannot reach \(name.serverDescription) for \(name): \(scrubbed(ConnectFailureCause.words(error), name)).")
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = scrubbed(error.serverInfo?[.message] ?? "the server refused the request", name)
            switch state {
            case "42501":
                return .denied("The database refused \(name.user) on \(name): \(message). Writing needs membership of escalator_writer, reading of escalator_reader.")
            case "28P01", "28000":
                return .denied("The server refused the login of \(name.user) for \(name): \(message).")
            case "55P03":
                return .busy(holder: "another writer of \(name)", waited: lockTimeout)
            case "23505":
                return .rejected(LifecycleError(.conflict, "Another writer applied the same change to \(name) first; nothing was written. Look again and retry."))
            case "3D000":
                return .unreachable("The database \(name.database) does not exist on \(name.serverDescription).")
            case "42P01", "3F000":
                return .io(path: name.description, reason: "holds no Escalator store; create one with `escalator init --store URI`")
            case "57P01", "57P02", "57P03":
                return .unreachable("The server at \(name.serverDescription) shut the connection down (\(message)); nothing more was written.")
            default:
                return .io(path: name.description, reason: "the database said: \(message) (SQLSTATE \(state))")
            }
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            let cause = error.underlying.map { ": \(scrubbed(ConnectFailureCause.words($0), name))" } ?? ""
            return .unreachable("Cannot reach \(name.serverDescription) for \(name)\(cause).")
        case .sslUnsupported:
            return .unreachable("\(name.serverDescription) does not offer TLS, which sslmode=\(name.sslMode.rawValue) requires.")
        default:
            return .unreachable("The connection to \(name.serverDescription) for \(name) failed: \(error.code).")
        }
    }

    /// Removes the password from text that came from elsewhere (a server message, an error's
    /// description), in case it was echoed back.
    static func scrubbed(_ text: String, _ name: ConnectionName) -> String {
        guard let password = name.password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***")
    }
}
