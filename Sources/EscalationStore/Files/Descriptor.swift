#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An open POSIX file descriptor with the few operations the store needs, each failing with the path and errno.
final class Descriptor {
    let fd: Int32
    let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Opens `path` with `flags`; a created file gets exactly `mode` (fchmod defeats the umask).
    ///
    /// Never through a link, and only a regular file (a directory with `O_DIRECTORY`): in a shared
    /// store any member can plant a link or a FIFO, and following it would let him make another
    /// member's process write where he chooses. Such a file is reported, never written through.
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws(StoreError) -> Descriptor {
        guard let d = try openChecked(path, flags, mode: mode, absentIsNil: false) else { throw StoreError.posix(path, "open") }
        return d
    }

    /// Opens an existing file for reading, or nil when it does not exist.
    static func openIfPresent(_ path: String) throws(StoreError) -> Descriptor? {
        try openChecked(path, O_RDONLY, mode: 0, absentIsNil: true)
    }

    /// Opens `name` in the directory `directory` (openat), with the same rules as `open`.
    static func open(_ name: String, in directory: Descriptor, _ flags: Int32, mode: mode_t = 0o600) throws(StoreError) -> Descriptor {
        let path = directory.path + "/" + name
        guard let d = try openChecked(path, flags, mode: mode, absentIsNil: false, at: directory.fd, name: name) else {
            throw StoreError.posix(path, "open")
        }
        return d
    }

    private static func openChecked(_ path: String, _ flags: Int32, mode: mode_t, absentIsNil: Bool,
                                    at directory: Int32 = AT_FDCWD, name: String? = nil) throws(StoreError) -> Descriptor? {
        // O_NONBLOCK so that a FIFO planted under a store name cannot hang the open; cleared below.
        let all = flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        var fd: Int32
        repeat { fd = openat(directory, name ?? path, all, mode) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            if errno == ENOENT && absentIsNil { return nil }
            if errno == ELOOP || errno == ENOTDIR {
                var st = stat()
                let kind = fstatat(directory, name ?? path, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st.st_mode & S_IFMT : S_IFLNK
                throw StoreError.unsafeFile(path, "is \(FileFacts.kindName(kind))" + (flags & O_DIRECTORY != 0 ? ", not a directory" : ""))
            }
            throw StoreError.posix(path, "open")
        }
        let d = Descriptor(fd: fd, path: path)
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError.posix(path, "stat") }
        let kind = st.st_mode & S_IFMT
        let wanted = flags & O_DIRECTORY != 0 ? S_IFDIR : S_IFREG
        guard kind == wanted else { throw StoreError.unsafeFile(path, "is \(FileFacts.kindName(kind)), not a \(wanted == S_IFDIR ? "directory" : "regular file")") }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        if flags & O_CREAT != 0, st.st_mode & 0o777 != mode, st.st_uid == geteuid() { _ = fchmod(fd, mode) }
        return d
    }

    var size: Int {
        get throws(StoreError) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw StoreError.posix(path, "stat") }
            return Int(st.st_size)
        }
    }

    var inode: UInt64 {
        get throws(StoreError) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw StoreError.posix(path, "stat") }
            return UInt64(st.st_ino)
        }
    }

    /// Reads from `offset` to the end of the file as it is now (or `upTo` bytes at most).
    func read(from offset: Int, upTo limit: Int = .max) throws(StoreError) -> [UInt8] {
        let total = min(try size, offset + min(limit, Int.max - offset))
        guard total > offset else { return [] }
        // Uninitialized: zeroing megabytes that pread overwrites at once was a serial pass over the snapshot.
        let count = total - offset
        var failure: StoreError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = StoreError.posix(path, "read")
                    break
                }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if let failure { throw failure }
        return bytes
    }

    /// Writes all of `bytes` at the end (O_APPEND) in as few write(2) calls as the kernel allows
    /// (one for a line); on a failure the file is cut back to where it was.
    func append(_ bytes: [UInt8]) throws(StoreError) {
        let start = try size
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                let error = Self.writeFailure(path, wrote: n)
                _ = ftruncate(fd, off_t(start))
                throw error
            }
            done += n
        }
        guard try size == start + bytes.count else {
            _ = ftruncate(fd, off_t(start))
            throw StoreError.io(path: path, reason: "short write: the file does not have the expected length")
        }
    }

    /// Writes `bytes` at offset 0 and cuts the file to their length.
    func replaceContents(_ bytes: [UInt8]) throws(StoreError) {
        guard ftruncate(fd, 0) == 0 else { throw StoreError.posix(path, "truncate") }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                throw Self.writeFailure(path, wrote: n)
            }
            // A short write is not a failure yet: the next call says why (ENOSPC, EFBIG, EDQUOT…).
            done += n
        }
    }

    /// Why a write(2) wrote nothing: errno after -1; a 0 leaves errno as an earlier call left it, and
    /// a regular file accepts no bytes only when its file system has no room left.
    private static func writeFailure(_ path: String, wrote n: Int) -> StoreError {
        n < 0 ? StoreError.posix(path, "write") : .io(path: path, reason: "write failed: \(String(cString: strerror(ENOSPC)))")
    }

    func truncate(to length: Int) throws(StoreError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw StoreError.posix(path, "truncate") }
    }

    /// Data (and the size) reach the disk: what a committed event needs.
    func syncData() throws(StoreError) {
        guard fdatasync(fd) == 0 else { throw StoreError.posix(path, "fdatasync") }
    }

    func sync() throws(StoreError) {
        guard fsync(fd) == 0 else { throw StoreError.posix(path, "fsync") }
    }
}

/// Small file-system facts about paths.
enum FileFacts {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The inode of a path, to notice that a file was replaced by a rename.
    static func inode(_ path: String) -> UInt64? {
        var st = stat()
        return stat(path, &st) == 0 ? UInt64(st.st_ino) : nil
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode : nil
    }

    /// The owner and group of a path (following links: for the store's own directory).
    static func owner(_ path: String) -> (uid: uid_t, gid: gid_t)? {
        var st = stat()
        return stat(path, &st) == 0 ? (st.st_uid, st.st_gid) : nil
    }

    /// Reads a whole file, or nil when it is absent.
    static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        try Descriptor.openIfPresent(path)?.read(from: 0)
    }

    /// fsyncs a directory so that renames and new names in it are durable.
    static func syncDirectory(_ path: String) throws(StoreError) {
        let d = try Descriptor.open(path, O_RDONLY | O_DIRECTORY)
        try d.sync()
    }

    /// What a file of kind `kind` (`st_mode & S_IFMT`) is called in a message.
    static func kindName(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "a regular file"
        }
    }
}
