import EscalationKit
import EscalationStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Follows other processes' commits through LISTEN/NOTIFY on a connection of its own. A
    /// notification carries only the new last sequence; the store then reads the events after the
    /// last one it has. When the connection is lost, `onError` hears it, and the follower reconnects
    /// with backoff and catches up by sequence (notifications sent meanwhile are lost, the events are not).
    public func followChanges(onChange: @escaping @Sendable ([Event], _ reloaded: Bool) -> Void,
                              onError: (@Sendable (StoreError) -> Void)?) throws(StoreError) -> any ChangeFollowing {
        let first = try Self.connect(name)
        return ChangeFollower(store: self, first: first, onChange: onChange, onError: onError)
    }
}

/// The listening task and the serial queue that applies what it hears.
final class ChangeFollower: ChangeFollowing, @unchecked Sendable {
    private let task: Task<Void, Never>
    private let stopped = NSLock()
    private var isStopped = false

    init(store: PostgresStore, first: PostgresConnection, onChange: @escaping @Sendable ([Event], Bool) -> Void,
         onError: (@Sendable (StoreError) -> Void)?) {
        // Reading blocks on futures, which must not happen on an event loop or the task pool.
        let queue = DispatchQueue(label: "escalator.postgres-follower")
        let name = store.name
        let catchUp: @Sendable () -> Void = {
            queue.async {
                do throws(StoreError) {
                    let events = try store.refresh()
                    if !events.isEmpty { onChange(events, false) }
                } catch {
                    onError?(error)
                }
            }
        }
        task = Task.detached {
            var connection: PostgresConnection? = first
            var backoff: Duration = .milliseconds(100)
            while !Task.isCancelled {
                do {
                    if connection == nil {
                        connection = try await PostgresConnection.connect(configuration: PostgresStore.configuration(name), id: 2,
                                                                          logger: PostgresStore.logger)
                        backoff = .milliseconds(100)
                    }
                    guard let listening = connection else { continue }
                    try await listening.listen(on: Schema.channel) { notifications in
                        // Whatever was committed before LISTEN took effect is read now.
                        catchUp()
                        for try await _ in notifications { catchUp() }
                    }
                } catch {
                    if Task.isCancelled { break }
                    onError?(PostgresFailure.storeError(error, name: name, lockTimeout: .seconds(5)))
                }
                try? await connection?.close()
                connection = nil
                if Task.isCancelled { break }
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .seconds(5))
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
