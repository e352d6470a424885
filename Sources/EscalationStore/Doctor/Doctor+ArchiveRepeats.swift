import EscalationKit
import Foundation

extension Doctor {
    /// Escalations archived more than once (older versions did that when a compaction failed after
    /// its archive append and was retried). Readers use the last line, so nothing reads wrong, but
    /// every repeat is decoded for nothing and the archive says more than happened.
    func checkArchiveRepeats() -> String? {
        guard let repeats = try? ArchiveFile.repeatedLines(layout: layout), !repeats.isEmpty else { return nil }
        let ids = Set(repeats.map(\.id)).sorted()
        let named = ids.prefix(5).map(\.description).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
        return "\(layout.archive): \(repeats.count) line\(repeats.count == 1 ? "" : "s") archive an escalation again (\(ids.count) escalation\(ids.count == 1 ? "" : "s"): \(named)); readers use the last line of each; `doctor --repair` removes the others"
    }

    /// Keeps the last line of every escalation and removes the earlier ones, under the writers' lock,
    /// with a backup of the archive as it was; the summary is rebuilt, since the lines moved.
    func removeArchiveRepeats(into report: inout DoctorReport) -> Bool {
        do {
            let lock = try StoreLock(path: layout.lock, mode: layout.fileMode, actor: "doctor")
            try lock.acquire(timeout: .seconds(5))
            defer { lock.release() }
            let repeats = try ArchiveFile.repeatedLines(layout: layout)
            guard !repeats.isEmpty else { return true }
            let kept = try ArchiveFile.without(repeats.map(\.line), layout: layout)
            try backup(layout.archive, into: &report)
            try AtomicFile.write(kept, to: layout.archive, mode: layout.fileMode)
            report.actions.append("\(layout.archive): removed \(repeats.count) repeated line\(repeats.count == 1 ? "" : "s"), keeping the last line of each escalation")
            if case .rebuilt(let count) = try ArchiveSummaryFile.rebuild(layout: layout) {
                report.actions.append("\(layout.archiveSummary): rebuilt from the archive (\(count) lines)")
            }
            return true
        } catch {
            report.problems.append("\(layout.archive): repeated lines not removed: \(error.description)")
            return false
        }
    }
}
