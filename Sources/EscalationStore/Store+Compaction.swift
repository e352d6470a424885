#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

extension Store {
    /// Writes the next generation (the caller holds both locks and has caught up). The order makes
    /// a crash at any point leave either the old snapshot with its whole journal, or the new one
    /// with its empty journal: new snapshot to a temp file (fsync), new journal (fsync), previous
    /// snapshot kept, rename, fsync the directory, and only then the old journal goes.
    func compactLocked() throws(StoreError) {
        if focused != nil {
            // A snapshot written from a focused ledger would drop every other escalation: read it all.
            let whole = try LoadedStore.load(layout, directory: directory)
            state = whole.ledger
            position = whole.position
            focused = nil
        }
        let old = position.generation
        let generation = old + 1
        let archived = archivable()
        // An archive this compaction starts holds only what it archives now: summarising it costs
        // what appending to an existing summary would, whatever its size.
        let archiveIsNew = !FileFacts.exists(layout.archive)
        // A compaction that failed or crashed after its archive append left those lines: not twice.
        let unarchived = try ArchiveFile.notYetArchived(archived, since: position.archiveBytes, layout: layout)
        if !unarchived.isEmpty { try ArchiveFile.append(unarchived, layout: layout) }
        // Derived data: a failure here only leaves readers decoding more of the archive. A missing
        // summary of a large archive (a store from before summaries) is left to `doctor --repair`.
        _ = try? ArchiveSummaryFile.catchUp(layout: layout, rebuildingUpTo: archiveIsNew ? .max : summaryRebuildLimit)
        Self.compactionFault?(.archiveAppended)
        let archiveBytes = try Descriptor.openIfPresent(layout.archive)?.size ?? 0
        var kept = state
        kept.remove(archived.map(\.id))

        let mode = layout.fileMode
        let snapshot = SnapshotFile(generation: generation, ledger: kept, archiveBytes: archiveBytes)
        let temp = try AtomicFile.prepare(try snapshot.bytes(), for: layout.snapshot, mode: mode)
        let header = FileHeader.journal(generation: generation).line()
        do {
            let journal = try Descriptor.open(layout.journal(generation), O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
            try journal.replaceContents(header)
            try journal.sync()
        } catch {
            unlink(temp)
            throw error
        }
        unlink(layout.previousSnapshot)
        link(layout.snapshot, layout.previousSnapshot)
        try AtomicFile.install(temp, at: layout.snapshot)
        unlink(layout.journal(old))

        state = kept
        position = JournalPosition(generation: generation, snapshotInode: FileFacts.inode(layout.snapshot) ?? 0,
                                   journalEnd: header.count, journalLines: 1, journalSchema: StoreCoding.schemaVersion,
                                   archiveBytes: archiveBytes)
    }

    /// The points inside a compaction where the multi-process tests' helper (`store-torture`) can
    /// stop its own process, to prove a crash there loses and doubles nothing. Nil in every real run.
    public enum CompactionStep: Sendable { case archiveAppended }
    nonisolated(unsafe) public static var compactionFault: ((CompactionStep) -> Void)?

    /// Closed escalations older than the policy's archive age, counted back from the newest event
    /// (the store's own clock, so what-if times and imported history behave alike). A time outside
    /// `TimeBounds` (an event an older version let through, dated 9999) counts for nothing here.
    private func archivable() -> [Escalation] {
        let newest = state.escalations.values.lazy.compactMap { $0.history.last(where: { TimeBounds.contains($0.time) })?.time }.max() ?? .distantPast
        let cutoff = newest.addingTimeInterval(-Double(policy.archiveAfterDays) * 86_400)
        return state.escalations.values
            .filter { e in
                guard e.status == .closed, let closed = e.closedAt, TimeBounds.contains(closed) else { return false }
                return closed < cutoff
            }
            .sorted { $0.id < $1.id }
    }

    /// Every escalation moved to the archive (not read at start-up), oldest id first.
    public func loadArchive() throws(StoreError) -> [Escalation] {
        let current = ledger
        var archived = try ArchiveFile.read(layout: layout)
        archived.removeAll { current[$0.id] != nil }
        return archived
    }
}
