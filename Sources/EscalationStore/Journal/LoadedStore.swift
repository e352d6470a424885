import EscalationKit
import Foundation

/// Where a reader stands in the store's files: which snapshot, and how far into its journal.
struct JournalPosition: Equatable {
    var generation: Int
    /// The snapshot file's inode: a different one means another process compacted.
    var snapshotInode: UInt64
    /// Byte offset just past the last complete line read.
    var journalEnd: Int
    /// Lines read so far, header included (for error locations).
    var journalLines: Int
    /// The journal's schema: lines appended to it are written in it.
    var journalSchema: Int
    /// The snapshot's `archive_bytes`: where the archive ended when that snapshot was written.
    var archiveBytes: Int? = nil
}

/// A snapshot plus its journal, replayed.
struct LoadedStore {
    var ledger: Ledger
    var position: JournalPosition

    /// Reads the snapshot and its whole journal; retries when a compaction replaces them meanwhile.
    /// With `focus`, the ledger holds only those escalations (and any the journal creates).
    static func load(_ layout: StoreLayout, directory: URL, focus: Set<EscalationID>? = nil) throws(StoreError) -> LoadedStore {
        var attempt = 0
        while true {
            attempt += 1
            guard let file = try Descriptor.openIfPresent(layout.snapshot) else { throw .notFound(directory) }
            let inode = try file.inode
            let snapshot = try SnapshotFile.read(try file.read(from: 0), path: layout.snapshot, focus: focus)
            let journalPath = layout.journal(snapshot.generation)
            guard let journal = try Descriptor.openIfPresent(journalPath) else {
                if FileFacts.inode(layout.snapshot) != inode, attempt < 20 { continue }
                throw .damaged(path: journalPath, location: "file", reason: "the journal of generation \(snapshot.generation) is missing (the snapshot covers events up to \(snapshot.ledger.lastSequence))")
            }
            let bytes = try journal.read(from: 0)
            var ledger = snapshot.ledger
            let scan = try JournalScan.read(bytes, base: 0, lineCount: 0, schema: StoreCoding.schemaVersion, path: journalPath, generation: snapshot.generation)
            guard scan.lineCount > 0 else {
                throw .damaged(path: journalPath, location: "line 1", reason: "the journal has no header line")
            }
            try replay(scan, onto: &ledger, path: journalPath, focus: focus)
            return LoadedStore(ledger: ledger, position: JournalPosition(generation: snapshot.generation, snapshotInode: inode,
                                                                          journalEnd: scan.end, journalLines: scan.lineCount, journalSchema: scan.schema,
                                                                          archiveBytes: snapshot.archiveBytes))
        }
    }

    private static func creates(_ event: Event) -> Bool {
        if case .created = event.change { return true }
        return false
    }

    /// Applies scanned events; a sequence gap or an impossible event is damage at its line. With
    /// `focus`, events of escalations outside it that the ledger does not hold are passed over.
    static func replay(_ scan: JournalScan, onto ledger: inout Ledger, path: String, focus: Set<EscalationID>? = nil) throws(StoreError) {
        for (index, event) in scan.events.enumerated() {
            do {
                if let focus, !focus.contains(event.escalation), ledger[event.escalation] == nil, !creates(event) {
                    try ledger.pass(over: event)
                } else {
                    try ledger.apply(event)
                }
            } catch {
                let reason = event.sequence != ledger.lastSequence + 1
                    ? "sequence gap: expected event \(ledger.lastSequence + 1), found \(event.sequence)"
                    : "event \(event.sequence) cannot be replayed: \(error.reason)"
                throw .damaged(path: path, location: "line \(scan.line(ofEventAt: index))", reason: reason)
            }
        }
    }
}
