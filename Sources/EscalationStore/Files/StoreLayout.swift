#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The names of a store's files, and the modes new files get (private 0600, or 0660 in a shared store).
struct StoreLayout: Sendable {
    let directory: String

    /// The directory with its links resolved once: the path to the store is the user's own choice,
    /// while inside it every open refuses links (`Descriptor`).
    init(_ url: URL) {
        let path = StandardPath.of(url.path)
        guard let resolved = realpath(path, nil) else {
            directory = path
            return
        }
        directory = String(cString: resolved)
        free(resolved)
    }

    /// Never renamed or deleted: every writer flocks it, and it names the current holder.
    var lock: String { directory + "/lock" }
    var snapshot: String { directory + "/snapshot.json" }
    var previousSnapshot: String { directory + "/snapshot.previous.json" }
    func journal(_ generation: Int) -> String { directory + "/journal-\(generation).jsonl" }
    var archive: String { directory + "/archive.jsonl" }
    /// Derived from the archive (what `list` shows of each archived escalation); rebuilt when stale.
    var archiveSummary: String { directory + "/archive-summary.jsonl" }
    var quarantine: String { directory + "/quarantine" }
    var backups: String { directory + "/backups" }

    /// A shared store's directory is group-writable; its files follow.
    var isShared: Bool { (FileFacts.mode(directory) ?? 0) & 0o070 != 0 }
    var fileMode: mode_t { isShared ? 0o660 : 0o600 }
    var directoryMode: mode_t { isShared ? 0o2770 : 0o700 }

    /// Creates a sub-directory (quarantine, backups) with the store's mode if it is missing.
    /// A link or a file planted under its name is reported (mkdir and the open follow no link).
    func ensureDirectory(_ path: String) throws(StoreError) {
        let mode = directoryMode
        let made = mkdir(path, mode) == 0
        guard made || errno == EEXIST else { throw StoreError.posix(path, "mkdir") }
        let d = try Descriptor.open(path, O_RDONLY | O_DIRECTORY)
        if made { _ = fchmod(d.fd, mode) }
    }

    /// Every journal file present, by generation.
    func journalGenerations() -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("journal-"), name.hasSuffix(".jsonl") else { return nil }
            return Int(name.dropFirst(8).dropLast(6))
        }.sorted()
    }
}
