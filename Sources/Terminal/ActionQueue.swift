import Foundation
import Board

/// Actions from other threads (the store watcher) for the board's loop: `push` is thread-safe and
/// wakes the loop through a self-pipe, so a store change is drawn without waiting for a key or a tick.
public final class ActionQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    /// The pipe's ends: the loop polls `readEnd`; `push` and the signal handlers write to `writeEnd`.
    let readEnd: Int32
    let writeEnd: Int32

    public init() throws(TerminalError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .pipe(errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Queues an action and wakes the loop; safe from any thread.
    public func push(_ action: Action) {
        lock.lock()
        pending.append(action)
        lock.unlock()
        var byte: UInt8 = 0
        // A full pipe already means "wake up": EAGAIN is fine to ignore.
        _ = write(writeEnd, &byte, 1)
    }

    /// Takes every queued action, oldest first.
    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = pending
        pending.removeAll()
        return taken
    }

    /// Reads the wake-up bytes; returns the first signal number among them (signal handlers write
    /// their number, `push` writes 0).
    func drainWakeups() -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 64)
        var signal: Int32?
        while true {
            let n = read(readEnd, &buffer, buffer.count)
            guard n > 0 else { break }
            if signal == nil, let s = buffer[0..<n].first(where: { $0 != 0 }) { signal = Int32(s) }
        }
        return signal
    }
}
