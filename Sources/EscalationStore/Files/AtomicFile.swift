#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Replaces a file all at once: temp file in the same directory, fsync, rename, fsync the directory.
///
/// Foundation's `Data.write(options: .atomic)` does not fsync the directory and falls back to a
/// non-atomic write on EBUSY, so a crash could leave neither the old nor the new content.
///
/// The directory is opened without following a link and everything happens through that descriptor,
/// and the temp file is created new (`O_EXCL`) under a random name: a member of a shared store can
/// neither redirect the write by replacing `quarantine/` with a link nor plant a link where a temp
/// file will be.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(StoreError) {
        let directory = try Descriptor.open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY)
        let temp = try prepare(bytes, named: (path as NSString).lastPathComponent, in: directory, mode: mode)
        try install(temp, as: (path as NSString).lastPathComponent, in: directory)
    }

    /// Step one: the new content, durable, in a temp file beside `path`; returns the temp path.
    static func prepare(_ bytes: [UInt8], for path: String, mode: mode_t) throws(StoreError) -> String {
        let directory = try Descriptor.open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY)
        return directory.path + "/" + (try prepare(bytes, named: (path as NSString).lastPathComponent, in: directory, mode: mode))
    }

    /// Step two: the rename that makes it current, and the directory fsync that makes the rename durable.
    static func install(_ temp: String, at path: String) throws(StoreError) {
        let directory = try Descriptor.open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY)
        try install((temp as NSString).lastPathComponent, as: (path as NSString).lastPathComponent, in: directory)
    }

    private static func prepare(_ bytes: [UInt8], named target: String, in directory: Descriptor, mode: mode_t) throws(StoreError) -> String {
        let name = target + ".tmp-" + randomSuffix()
        do {
            let d = try Descriptor.open(name, in: directory, O_WRONLY | O_CREAT | O_EXCL, mode: mode)
            try d.replaceContents(bytes)
            try d.sync()
        } catch {
            _ = unlinkat(directory.fd, name, 0)
            throw error
        }
        return name
    }

    private static func install(_ temp: String, as target: String, in directory: Descriptor) throws(StoreError) {
        guard renameat(directory.fd, temp, directory.fd, target) == 0 else {
            let error = StoreError.posix(directory.path + "/" + target, "rename")
            _ = unlinkat(directory.fd, temp, 0)
            throw error
        }
        try directory.sync()
    }

    /// 64 random bits in hex: a name no one can guess beforehand to plant a link under.
    static func randomSuffix() -> String {
        let hex = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
