#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Invocation

/// The writers' lock: `flock` on a file that is never renamed or deleted, with a bounded wait.
///
/// While held, the file's content names the holder (pid, user, command, since when), so a writer
/// that gives up can say who is in the way.
final class StoreLock {
    private let file: Descriptor
    private let holder: String

    init(path: String, mode: mode_t, actor: String) throws(StoreError) {
        file = try Descriptor.open(path, O_RDWR | O_CREAT, mode: mode)
        // The program's name and first words, put together by hand: `joined` and NSString's
        // lastPathComponent each cost a runtime lookup at every commit's start (issue 14, `perf`).
        var command = ""
        for (index, argument) in CommandLine.arguments.prefix(4).enumerated() {
            if index > 0 { command += " " }
            command += argument.split(separator: "/").last.map(String.init) ?? argument
        }
        holder = "pid \(getpid()) (\(actor): \(command))"
    }

    /// Takes the lock, waiting at most `timeout`; then `.busy` with the holder's own description.
    /// Once the wait passes `quietWait`, `whileWaiting` hears the holder (again whenever it changes).
    func acquire(timeout: Duration, whileWaiting: (String) -> Void = { _ in }) throws(StoreError) {
        let clock = ContinuousClock()
        let start = clock.now
        var pause: UInt32 = 100
        var told: String?
        while flock(file.fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw StoreError.posix(file.path, "flock") }
            let waited = clock.now - start
            if waited >= timeout {
                throw .busy(holder: currentHolder(), waited: waited)
            }
            if waited >= Self.quietWait {
                let holder = currentHolder()
                if holder != told {
                    told = holder
                    whileWaiting(holder)
                }
            }
            usleep(pause)
            pause = min(pause * 2, 5_000)
        }
        try? file.replaceContents(Array("\(holder) since \(FastTime.stamp(Date()))\n".utf8))
    }

    /// A wait shorter than this is a writer's ordinary turn, not worth telling anyone about.
    static let quietWait: Duration = .milliseconds(150)

    /// What the lock file says about the process that holds the lock.
    private func currentHolder() -> String {
        let text = (try? file.read(from: 0)).map { String(decoding: $0, as: UTF8.self) }?
            .trimmed ?? ""
        return text.isEmpty ? "another process" : text
    }

    func release() {
        try? file.truncate(to: 0)
        flock(file.fd, LOCK_UN)
    }
}
