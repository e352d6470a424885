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

/// The listening connection and the serial queue that reads what it hears, reconnects and reports.
///
/// Everything runs on that queue and on the connection's event loop, never on Swift's shared task
/// pool: a process whose pool threads are busy (blocking work elsewhere) still follows the store.
final class ChangeFollower: ChangeFollowing, @unchecked Sendable {
    private let store: PostgresStore
    private let onChange: @Sendable ([Event], Bool) -> Void
    private let onError: (@Sendable (StoreError) -> Void)?
    private let onConnection: (@Sendable (FollowedConnection) -> Void)?
    private let queue = DispatchQueue(label: "escalator.postgres-follower")
    private let stopLock = NSLock()
    private var stopped = false

    // Used on `queue` only.
    private var connection: PostgresConnection?
    /// Counts connections, so the callbacks of one already given up on are ignored.
    private var generation = 0
    private var offline = false
    private var backoff = firstBackoff

    /// The first retry's wait; each failed one doubles it up to `longestBackoff`.
    static let firstBackoff: Duration = .milliseconds(100)
    static let longestBackoff: Duration = .seconds(5)

    init(store: PostgresStore, first: PostgresConnection, onChange: @escaping @Sendable ([Event], Bool) -> Void,
         onError: (@Sendable (StoreError) -> Void)?, onConnection: (@Sendable (FollowedConnection) -> Void)?) {
        self.store = store
        self.onChange = onChange
        self.onError = onError
        self.onConnection = onConnection
        queue.async { [weak self] in
            guard let self else { try? first.close().wait(); return }
            self.listen(on: first)
        }
    }

    private var isStopped: Bool { stopLock.withLock { stopped } }

    /// Listens on a new connection, then reads whatever was committed before LISTEN took effect
    /// (or while disconnected).
    private func listen(on connection: PostgresConnection) {
        guard !isStopped else { try? connection.close().wait(); return }
        generation += 1
        let mine = generation
        self.connection = connection
        connection.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            self.queue.async { self.failed(nil, generation: mine) }
        }
        connection.addListener(channel: Schema.channel) { [weak self] _, _ in
            guard let self else { return }
            self.queue.async { self.catchUp(generation: mine) }
        }
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: "LISTEN \(Schema.channel)"), logger: PostgresStore.logger).wait()
        } catch {
            failed(error, generation: mine)
            return
        }
        catchUp(generation: mine)
        guard mine == generation else { return }
        backoff = Self.firstBackoff
        if offline {
            offline = false
            onConnection?(.restored)
        }
    }

    private func catchUp(generation mine: Int) {
        guard mine == generation, !isStopped else { return }
        do throws(StoreError) {
            let events = try store.refresh()
            if !events.isEmpty { onChange(events, false) }
        } catch {
            failed(error, generation: mine)
        }
    }

    /// The connection `mine` broke (nil: it closed), or reading after a notification failed: give
    /// it up, say so once, and retry; a store that cannot be read will not heal by reconnecting.
    private func failed(_ error: (any Error)?, generation mine: Int) {
        guard mine == generation, !isStopped else { return }
        generation += 1
        if let old = connection { try? old.close().wait() }
        connection = nil
        let name = store.name
        let failure: StoreError = switch error {
        case nil: .unreachable("The connection to \(name.serverDescription) for \(name) was closed.")
        case let error as StoreError: error
        case let error?: PostgresFailure.storeError(error, name: name, lockTimeout: .seconds(5))
        }
        guard failure.isConnectionLoss else {
            onError?(failure)
            return
        }
        if !offline {
            offline = true
            if let onConnection { onConnection(.lost(failure)) } else { onError?(failure) }
        }
        reconnectLater()
    }

    private func reconnectLater() {
        let wait = backoff
        backoff = min(backoff * 2, Self.longestBackoff)
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        queue.asyncAfter(deadline: .now() + seconds) { [weak self] in
            guard let self, !self.isStopped else { return }
            do throws(StoreError) {
                self.listen(on: try PostgresStore.connect(self.store.name, following: true))
            } catch {
                self.reconnectLater()
            }
        }
    }

    func stop() {
        let first = stopLock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        queue.async { [self] in
            generation += 1
            if let connection { try? connection.close().wait() }
            connection = nil
        }
    }

    // Not waited for: the last reference may go on the connection's own event loop.
    deinit { let _: EventLoopFuture<Void>? = connection?.close() }
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
