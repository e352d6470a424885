import EscalationKit
import Foundation

/// The once-only record of the clock's notifications (stalled, breach warnings), in whatever store
/// holds the escalations: each key is recorded once, so each notification is queued once, however
/// many `notify` runs (on however many hosts) race.
public protocol NotificationRecording: Sendable {
    /// The keys recorded so far. Only reads, so it works for a reader.
    func keys() throws(StoreError) -> Set<String>
    /// Runs `body` as the one sender, waiting at most `timeout` for another; `.busy` naming the holder then.
    func withLock<T>(timeout: Duration, actor: String, _ body: () throws -> T) throws -> T
    /// Records `key` and queues `records` (its deliveries) in the store's outbox. False, and nothing
    /// queued, when `key` was recorded already (by another sender that got there first).
    func record(_ key: String, queueing records: [OutboxRecord]) throws(NotificationRecordFailure) -> Bool
}

/// Which half of recording a notification failed.
public enum NotificationRecordFailure: Error, Sendable {
    /// Its deliveries were not queued, so it was not sent (and not recorded).
    case queueing(StoreError)
    /// It was queued but not recorded, so the next run queues it again (under the same delivery ids,
    /// which the outbox keeps once).
    case recording(StoreError)
}

extension NotificationRecord: NotificationRecording {
    /// Outbox first, then the key: a crash between the two queues it again under the same ids,
    /// which the outbox keeps once. The senders' lock keeps two senders from racing to this.
    public func record(_ key: String, queueing records: [OutboxRecord]) throws(NotificationRecordFailure) -> Bool {
        do throws(StoreError) { try OutboxFile(directory: URL(fileURLWithPath: layout.directory)).append(records) } catch {
            throw .queueing(error)
        }
        do throws(StoreError) { try record(key) } catch { throw .recording(error) }
        return true
    }
}
