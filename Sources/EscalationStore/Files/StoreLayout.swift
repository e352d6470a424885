#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The names of a store's files, and the modes new files get (private 0600, or 0660 in a shared store).
struct StoreLayout: Sendable {
    let directory: String

    init(_ url: URL) { directory = url.standardizedFileURL.path }

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
    func ensureDirectory(_ path: String) throws(StoreError) {
        if FileFacts.exists(path) { return }
        let mode = directoryMode
        guard mkdir(path, mode) == 0 || errno == EEXIST else { throw StoreError.posix(path, "mkdir") }
        _ = chmod(path, mode)
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
