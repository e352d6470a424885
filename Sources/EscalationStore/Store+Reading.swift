#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

extension Store {
    /// Catches up with changes other processes made; returns the new events in order.
    ///
    /// When another process compacted meanwhile, the store reloads: `ledger` is then complete, but
    /// events folded into the new snapshot are not among those returned.
    @discardableResult
    public func refresh() throws(StoreError) -> [Event] {
        mutex.lock()
        defer { mutex.unlock() }
        return try catchUp(underLock: false).events
    }

    /// `refresh`, also saying whether the store was reloaded from a new snapshot (for watchers).
    func refreshReportingReload(force: Bool = false) throws(StoreError) -> (events: [Event], reloaded: Bool) {
        mutex.lock()
        defer { mutex.unlock() }
        if force { return try reload() }
        return try catchUp(underLock: false)
    }

    /// Reads what was appended since the last read (the caller holds `mutex`). A writer (holding the
    /// writers' lock) also moves a torn tail to quarantine and cuts it off.
    func catchUp(underLock: Bool) throws(StoreError) -> (events: [Event], reloaded: Bool) {
        guard FileFacts.inode(layout.snapshot) == position.snapshotInode else { return try reload() }
        let path = layout.journal(position.generation)
        guard let journal = try Descriptor.openIfPresent(path) else {
            if FileFacts.inode(layout.snapshot) != position.snapshotInode { return try reload() }
            throw .damaged(path: path, location: "file", reason: "the journal of generation \(position.generation) is missing")
        }
        let size = try journal.size
        if size == position.journalEnd { return ([], false) }
        if size < position.journalEnd {
            throw .damaged(path: path, location: "byte \(size)", reason: "the journal shrank from \(position.journalEnd) bytes to \(size)")
        }
        let base = position.journalEnd
        let bytes = try journal.read(from: base)
        let scan = try JournalScan.read(bytes, base: base, lineCount: position.journalLines, schema: position.journalSchema, path: path, generation: position.generation)
        var next = state
        try LoadedStore.replay(scan, onto: &next, path: path, focus: focused)
        state = next
        position.journalEnd = scan.end
        position.journalLines = scan.lineCount
        if underLock, let torn = scan.torn {
            try quarantine(journal: path, torn: torn, bytes: Array(bytes[(torn.lowerBound - base)..<(torn.upperBound - base)]))
        }
        return (scan.events, false)
    }

    /// Starts over from the current snapshot; returns the journal's events newer than what we had.
    func reload() throws(StoreError) -> (events: [Event], reloaded: Bool) {
        let before = state.lastSequence
        let loaded = try LoadedStore.load(layout, directory: directory, focus: focused)
        state = loaded.ledger
        position = loaded.position
        let path = layout.journal(position.generation)
        guard state.lastSequence > before, let bytes = try FileFacts.read(path) else { return ([], true) }
        let scan = try JournalScan.read(bytes, base: 0, lineCount: 0, schema: position.journalSchema, path: path, generation: position.generation)
        return (scan.events.filter { $0.sequence > before }, true)
    }

    /// Moves a torn tail's bytes into the quarantine folder, then cuts the journal back to its last good line.
    private func quarantine(journal path: String, torn: Range<Int>, bytes: [UInt8]) throws(StoreError) {
        try layout.ensureDirectory(layout.quarantine)
        let name = "\(layout.quarantine)/\((path as NSString).lastPathComponent)-byte-\(torn.lowerBound)-\(Int(Date().timeIntervalSince1970)).torn"
        try AtomicFile.write(bytes, to: name, mode: layout.fileMode)
        let file = try Descriptor.open(path, O_WRONLY)
        try file.truncate(to: torn.lowerBound)
        try file.syncData()
    }
}
