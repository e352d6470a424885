#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reads a file that steers what this process does (the configuration, which can run hooks, and
/// themes), only when no one but a trusted person can have written it.
///
/// Trusted means: owned by the invoking user, root, or the store's owner (the owner of the store's
/// directory), and writable by its owner alone. Both are checked with fstat on the descriptor that
/// is then read, so the file cannot be swapped between the check and the read. In a shared store
/// any member can put a file under these names; he can no longer make another member's process
/// run a program of his choosing.
public enum TrustedFile {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        /// The file exists but cannot be opened or read; `reason` says why.
        case unreadable(path: String, reason: String)
        /// The file is a link (in the store), not a regular file, or not written by a trusted person.
        case untrusted(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason), .untrusted(let path, let reason): "\(path): \(reason)"
            }
        }

        public var reason: String {
            switch self {
            case .unreadable(_, let reason), .untrusted(_, let reason): reason
            }
        }
    }

    /// The bytes of `path`, nil when it does not exist. `inStore` refuses a link in its place (a
    /// file named outside the store, e.g. by `ESCALATOR_CONFIG`, may be reached through one).
    public static func read(_ path: String, storeDirectory: URL, inStore: Bool) throws(Problem) -> [UInt8]? {
        var fd: Int32
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (inStore ? O_NOFOLLOW : 0)
        repeat { fd = open(path, flags) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP { throw .untrusted(path: path, reason: "is a symbolic link, which escalator does not follow in a store; remove it (`rm \(path)`) and put the file itself there") }
            throw .unreadable(path: path, reason: "cannot be read (\(String(cString: strerror(code))))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))") }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw .untrusted(path: path, reason: "is \(FileFacts.kindName(st.st_mode & S_IFMT)), not a regular file; escalator does not use it")
        }
        if let refusal = refusal(path: path, owner: st.st_uid, mode: st.st_mode, storeOwner: FileFacts.owner(StoreLayout(storeDirectory).directory)?.uid) {
            throw .untrusted(path: path, reason: refusal)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    /// Why a file with this owner and mode is not to be used, or nil when it may be.
    static func refusal(path: String, owner: uid_t, mode: mode_t, storeOwner: uid_t?) -> String? {
        var trusted: Set<uid_t> = [getuid(), geteuid(), 0]
        if let storeOwner { trusted.insert(storeOwner) }
        guard !trusted.contains(owner) || mode & 0o022 != 0 else { return nil }
        // Only a refusal needs the names and the mode in words (a user lookup and Foundation's
        // formatter cost about 3 % of every command, measured with `perf`).
        let permissions = String(format: "%04o", Int(mode & 0o7777))
        let ownerName = name(of: owner)
        if !trusted.contains(owner) {
            let storeOwnerName = storeOwner.map { name(of: $0) } ?? "?"
            return "belongs to \(ownerName) (mode \(permissions)), who is neither you, root nor the store's owner (\(storeOwnerName)), so escalator does not use it: whoever wrote it would choose what your escalator runs. Check its content; then \(storeOwnerName) (or root) makes it theirs: `cp \(path) \(path).checked && mv \(path).checked \(path) && chmod go-w \(path)`"
        }
        if mode & 0o022 != 0 {
            return "is writable by \(mode & 0o002 != 0 ? "everyone" : "its group") (owner \(ownerName), mode \(permissions)), so escalator does not use it: anyone who can change it would choose what your escalator runs. Check its content; then \(ownerName) runs `chmod go-w \(path)`"
        }
        return nil
    }

    private static func name(of uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
