#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Invocation

/// `notified.log` in the store: one key per clock notification sent (stalled, breach warnings), so
/// each goes out once. Senders take `notified.lock` (never the writers' lock, so journal writers
/// are never held up), with the same bounded wait and holder description as the store's lock.
public struct NotificationRecord: Sendable {
    let layout: StoreLayout

    public init(directory: URL) { layout = StoreLayout(directory) }

    var path: String { layout.directory + "/notified.log" }
    var lockPath: String { layout.directory + "/notified.lock" }

    /// The keys recorded so far. Only reads (creates nothing), so it works on a read-only store.
    public func keys() throws(StoreError) -> Set<String> {
        guard let bytes = try FileFacts.read(path) else { return [] }
        return Set(bytes.split(separator: 10).map { String(decoding: $0, as: UTF8.self) })
    }

    /// Runs `body` holding the senders' lock, waiting at most `timeout`; then `.busy` naming the holder.
    public func withLock<T>(timeout: Duration, actor: String, _ body: () throws -> T) throws -> T {
        let lock = try StoreLock(path: lockPath, mode: layout.fileMode, actor: Context.describe(actor: actor))
        try lock.acquire(timeout: timeout)
        defer { lock.release() }
        return try body()
    }

    /// Records that `key` was sent (append, fdatasync); call it holding the lock, after sending.
    public func record(_ key: String) throws(StoreError) {
        let file = try Descriptor.open(path, O_WRONLY | O_APPEND | O_CREAT, mode: layout.fileMode)
        try file.append(Array((key + "\n").utf8))
        try file.syncData()
    }
}
