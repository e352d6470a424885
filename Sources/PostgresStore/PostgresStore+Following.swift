import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Follows other processes' commits through LISTEN/NOTIFY on a connection of its own. A
    /// notification carries only the new last sequence; the store then reads the events after the
    /// last one it has. When the connection is lost, `onConnection` hears it (else `onError`), and
    /// the follower reconnects with backoff and catches up by sequence (notifications sent
    /// meanwhile are lost, the events are not) before it says the connection is restored.
    public func followChanges(onChange: @escaping @Sendable ([Event], _ reloaded: Bool) -> Void,
                              onError: (@Sendable (StoreError) -> Void)?,
                              onConnection: (@Sendable (FollowedConnection) -> Void)?) throws(StoreError) -> any ChangeFollowing {
        let first = try Self.connect(name, following: true)
        return ChangeFollower(store: self, first: first, onChange: onChange, onError: onError, onConnection: onConnection)
    }
}

/// The listening task, and the serial queue on which it reads what it hears.
final class ChangeFollower: ChangeFollowing, @unchecked Sendable {
    private let task: Task<Void, Never>
    private let stopped = NSLock()
    private var isStopped = false

    /// The first retry's wait; each failed one doubles it up to `longestBackoff`.
    static let firstBackoff: Duration = .milliseconds(100)
    static let longestBackoff: Duration = .seconds(5)

    init(store: PostgresStore, first: PostgresConnection, onChange: @escaping @Sendable ([Event], Bool) -> Void,
         onError: (@Sendable (StoreError) -> Void)?, onConnection: (@Sendable (FollowedConnection) -> Void)?) {
        // Reading blocks on futures, which must not happen on an event loop or the task pool.
        let queue = DispatchQueue(label: "escalator.postgres-follower")
        let name = store.name
        let catchUp: @Sendable () async throws -> Void = {
            let events: [Event] = try await withCheckedThrowingContinuation { answer in
                queue.async {
                    do throws(StoreError) { answer.resume(returning: try store.refresh()) } catch { answer.resume(throwing: error) }
                }
            }
            if !events.isEmpty { onChange(events, false) }
        }
        let lost: @Sendable (StoreError) -> Void = { error in
            if let onConnection { onConnection(.lost(error)) } else { onError?(error) }
        }
        task = Task.detached {
            var connection: PostgresConnection? = first
            var backoff = Self.firstBackoff
            var offline = false
            while !Task.isCancelled {
                var failure: StoreError?
                do {
                    if connection == nil {
                        connection = try await PostgresConnection.connect(configuration: PostgresStore.configuration(name, following: true),
                                                                          id: 2, logger: PostgresStore.logger)
                    }
                    guard let listening = connection else { continue }
                    try await listening.listen(on: Schema.channel) { notifications in
                        // Whatever was committed before LISTEN took effect (or while disconnected) is read now.
                        try await catchUp()
                        backoff = Self.firstBackoff
                        if offline {
                            offline = false
                            onConnection?(.restored)
                        }
                        for try await _ in notifications { try await catchUp() }
                    }
                    failure = .unreachable("The connection to \(name.serverDescription) for \(name) ended.")
                } catch let error as StoreError {
                    failure = error
                } catch {
                    failure = PostgresFailure.storeError(error, name: name, lockTimeout: .seconds(5))
                }
                if Task.isCancelled { break }
                if let failure {
                    // A store that cannot be read (damaged, newer) will not heal by reconnecting.
                    if !failure.isConnectionLoss {
                        onError?(failure)
                        break
                    }
                    if !offline {
                        offline = true
                        lost(failure)
                    }
                }
                try? await connection?.close()
                connection = nil
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, Self.longestBackoff)
            }
            try? await connection?.close()
        }
    }

    func stop() {
        let first = stopped.withLock { () -> Bool in
            defer { isStopped = true }
            return !isStopped
        }
        if first { task.cancel() }
    }

    deinit { task.cancel() }
}

extension StoreError {
    /// True for what a reconnection may cure: the server unreachable, restarting or refusing a
    /// login for now, a busy lock, an I/O failure on the way.
    var isConnectionLoss: Bool {
        switch self {
        case .damaged, .newerSchema, .notFound: false
        default: true
        }
    }
}
