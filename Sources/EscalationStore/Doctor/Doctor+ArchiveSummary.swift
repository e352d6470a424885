import Foundation

extension Doctor {
    /// What is wrong with the archive summary, if anything. It is derived data, so these are notes,
    /// never problems: a reader falls back to the archive, and nothing here touches the archive.
    func checkArchiveSummary() -> String? {
        let path = layout.archiveSummary
        guard let archive = try? Descriptor.openIfPresent(layout.archive) else {
            return FileFacts.exists(path) ? "\(path): a summary of an archive that is not there; it is ignored" : nil
        }
        guard let contents = ArchiveSummaryFile.read(layout: layout) else {
            return "\(path): missing: `list --all` decodes the whole archive until `doctor --repair` (or, for an archive under 16 MB, the next compaction) builds it"
        }
        let remedy = "it is derived from the archive and ignored where it does not match; `doctor --repair` rebuilds it"
        if let problem = contents.problem { return "damaged: \(problem); \(remedy)" }
        guard let mark = contents.mark else { return "\(path): no complete batch; \(remedy)" }
        guard ArchiveSummaryFile.vouches(mark, for: archive) else { return "\(path): does not match the archive (stale); \(remedy)" }
        if let size = try? archive.size, size > mark.archiveBytes {
            return "\(path): covers \(mark.archiveBytes) of the archive's \(size) bytes (the rest is decoded on every read); the next compaction or `doctor --repair` catches up"
        }
        if contents.unfinished > 0 { return "\(path): \(contents.unfinished) lines after its last mark (an interrupted write) are ignored; the next compaction cuts them" }
        return nil
    }

    /// Rebuilds the summary from the archive; only the install holds the writers' lock.
    func repairArchiveSummary(into report: inout DoctorReport) {
        do {
            // The costly decode happens before the lock: writers wait only for the install.
            let prepared = try ArchiveSummaryFile.prepareRebuild(layout: layout)
            let lock = try StoreLock(path: layout.lock, mode: layout.fileMode, actor: "doctor")
            try lock.acquire(timeout: .seconds(5))
            defer { lock.release() }
            guard let prepared else { return }
            let outcome = try ArchiveSummaryFile.install(prepared, layout: layout)
            switch outcome {
            case .rebuilt(let count): report.actions.append("\(layout.archiveSummary): rebuilt from the archive (\(count) lines)")
            case .appended(let count): report.actions.append("\(layout.archiveSummary): caught up with the archive (\(count) lines)")
            case .upToDate, .noArchive, .leftForDoctor: break
            }
        } catch {
            report.notes.append("\(layout.archiveSummary): not rebuilt: \(error.description)")
        }
    }
}
