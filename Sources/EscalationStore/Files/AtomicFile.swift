#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Replaces a file all at once: temp file in the same directory, fsync, rename, fsync the directory.
///
/// Foundation's `Data.write(options: .atomic)` does not fsync the directory and falls back to a
/// non-atomic write on EBUSY, so a crash could leave neither the old nor the new content.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(StoreError) {
        let temp = try prepare(bytes, for: path, mode: mode)
        try install(temp, at: path)
    }

    /// Step one: the new content, durable, in a temp file beside `path`; returns the temp path.
    static func prepare(_ bytes: [UInt8], for path: String, mode: mode_t) throws(StoreError) -> String {
        let temp = path + ".tmp-\(getpid())"
        do {
            let d = try Descriptor.open(temp, O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
            try d.replaceContents(bytes)
            try d.sync()
        } catch {
            unlink(temp)
            throw error
        }
        return temp
    }

    /// Step two: the rename that makes it current, and the directory fsync that makes the rename durable.
    static func install(_ temp: String, at path: String) throws(StoreError) {
        guard rename(temp, path) == 0 else {
            let error = StoreError.posix(path, "rename")
            unlink(temp)
            throw error
        }
        try FileFacts.syncDirectory((path as NSString).deletingLastPathComponent)
    }
}
