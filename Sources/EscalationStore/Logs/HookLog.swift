#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// `hooks.log` in the store: one line per failed hook delivery. Bounded: once it would pass
/// `limit` bytes it becomes `hooks.log.1` (replacing the previous one) and a new file starts, so
/// the log never holds more than about twice the limit.
public struct HookLog: Sendable {
    let layout: StoreLayout
    public let limit: Int

    public init(directory: URL, limit: Int) {
        layout = StoreLayout(directory)
        self.limit = max(limit, 1)
    }

    var path: String { layout.directory + "/hooks.log" }
    var previousPath: String { layout.directory + "/hooks.log.1" }

    /// Appends one line (control characters neutralized). The rotation happens under `flock` on the
    /// current file, re-checked after the wait, so two writers never rotate one file twice.
    public func append(_ line: String) throws(StoreError) {
        let bytes = Array((SafeText.neutralized(line) + "\n").utf8)
        for _ in 0..<3 {
            let file = try Descriptor.open(path, O_WRONLY | O_APPEND | O_CREAT, mode: layout.fileMode)
            guard lockBriefly(file) else {
                // Someone holds it for longer than a rotation takes: append anyway, unrotated.
                try file.append(bytes)
                return
            }
            defer { flock(file.fd, LOCK_UN) }
            // Rotated by another writer while we waited: start over with the new file.
            guard FileFacts.inode(path) == (try file.inode) else { continue }
            if try file.size > 0, try file.size + bytes.count > limit {
                guard rename(path, previousPath) == 0 else { throw StoreError.posix(path, "rename") }
                continue
            }
            try file.append(bytes)
            return
        }
        throw .io(path: path, reason: "kept being rotated by other processes; the line was not written")
    }

    /// flock with a wait of at most a second (a holder only checks a size and renames).
    private func lockBriefly(_ file: Descriptor) -> Bool {
        for _ in 0..<200 {
            if flock(file.fd, LOCK_EX | LOCK_NB) == 0 { return true }
            usleep(5_000)
        }
        return false
    }
}
