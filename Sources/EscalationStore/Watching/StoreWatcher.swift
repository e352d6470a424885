#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// Follows changes other processes make to a store, on a background thread, until `stop()`.
///
/// inotify watches the directory (a watch on a file would be lost when compaction renames the
/// snapshot); bursts are merged by a short debounce; a queue overflow forces a full reload; and a
/// slow poll catches what inotify cannot see (network file systems) or where it is unavailable.
public final class StoreWatcher: @unchecked Sendable {
    private let wake: (read: Int32, write: Int32)
    private let state = NSLock()
    private var stopped = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    init(store: Store, pollInterval: Duration, debounce: Duration,
         onChange: @escaping @Sendable ([Event], Bool) -> Void, onError: (@Sendable (StoreError) -> Void)?) throws(StoreError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw StoreError.posix("pipe", "pipe") }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        wake = (fds[0], fds[1])
        let notify = Inotify(directory: store.layout.directory)
        let loop = WatchLoop(store: store, notify: notify, wake: fds[0], pollInterval: pollInterval, debounce: debounce,
                             onChange: onChange, onError: onError)
        let done = finished
        let thread = Thread {
            loop.run()
            done.signal()
        }
        thread.name = "escalator.store-watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching and waits for the thread to finish; safe to call twice.
    public func stop() {
        let first = state.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        finished.wait()
        close(wake.write)
        close(wake.read)
    }

    deinit { stop() }
}

extension Store {
    /// Starts following other processes' changes: `onChange(newEvents, reloaded)` runs on the
    /// watcher's thread after `ledger` has been brought up to date; `reloaded` means another process
    /// compacted (or inotify overflowed) and the whole ledger was re-read.
    /// A commit is one append, so the debounce only has to merge a compaction's few renames; it is
    /// short because it adds to every other process's change reaching an open board.
    public func watch(pollInterval: Duration = .seconds(2), debounce: Duration = .milliseconds(5),
                      onChange: @escaping @Sendable ([Event], _ reloaded: Bool) -> Void,
                      onError: (@Sendable (StoreError) -> Void)? = nil) throws(StoreError) -> StoreWatcher {
        try StoreWatcher(store: self, pollInterval: pollInterval, debounce: debounce, onChange: onChange, onError: onError)
    }
}

/// The watcher thread's loop.
private struct WatchLoop: @unchecked Sendable {
    let store: Store
    let notify: Inotify?
    let wake: Int32
    let pollInterval: Duration
    let debounce: Duration
    let onChange: @Sendable ([Event], Bool) -> Void
    let onError: (@Sendable (StoreError) -> Void)?

    func run() {
        while true {
            var fds = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            if let notify { fds.append(pollfd(fd: notify.fd, events: Int16(POLLIN), revents: 0)) }
            let timeout = Int32(pollInterval.components.seconds * 1000 + pollInterval.components.attoseconds / 1_000_000_000_000_000)
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }
            var overflow = false
            if let notify, fds.count > 1, fds[1].revents != 0 {
                var signal = notify.drain()
                guard signal.relevant || signal.overflow else { continue }
                // Merge a burst (a compaction is several renames) into one refresh.
                usleep(UInt32(debounce.components.attoseconds / 1_000_000_000_000) + UInt32(debounce.components.seconds * 1_000_000))
                let more = notify.drain()
                signal.overflow = signal.overflow || more.overflow
                overflow = signal.overflow
            }
            do {
                let (events, reloaded) = try store.refreshReportingReload(force: overflow)
                if !events.isEmpty || reloaded { onChange(events, reloaded) }
            } catch {
                onError?(error)
            }
        }
    }
}

/// A non-blocking inotify descriptor watching one directory for the changes the store makes.
private final class Inotify: @unchecked Sendable {
    let fd: Int32

    init?(directory: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_CLOSE_WRITE)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Reads every pending event: did a store file change (not the lock file), did the queue overflow?
    func drain() -> (relevant: Bool, overflow: Bool) {
        var relevant = false
        var overflow = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + MemoryLayout<inotify_event>.size <= n {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { overflow = true }
                    if name.hasPrefix("journal-") || name == "snapshot.json" { relevant = true }
                    offset = nameStart + Int(event.len)
                }
            }
        }
        return (relevant, overflow)
    }
}
