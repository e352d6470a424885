#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation
import Invocation

extension Store {
    /// Checks every file of the store; with `repair`, salvages up to the last good event, keeping a
    /// backup of each file it touches in `backups/` and the bytes it cuts in `quarantine/`.
    public static func doctor(at directory: URL, repair: Bool) -> DoctorReport {
        let layout = StoreLayout(directory)
        var report = DoctorReport()
        guard FileFacts.exists(layout.snapshot) else {
            report.problems.append("\(layout.snapshot): no snapshot: there is no store here (or it was never finished)")
            return report
        }
        do {
            let loaded = try LoadedStore.load(layout, directory: directory)
            if let bytes = try FileFacts.read(layout.journal(loaded.position.generation)), bytes.count > loaded.position.journalEnd {
                report.notes.append("\(layout.journal(loaded.position.generation)): a torn last line (\(bytes.count - loaded.position.journalEnd) bytes) is ignored and will be quarantined by the next write")
            }
        } catch {
            report.problems.append(error.description)
            if repair { Doctor(layout: layout).repair(error, into: &report) }
        }
        do { _ = try ArchiveFile.read(layout: layout) } catch { report.problems.append(error.description) }
        if let problem = Doctor(layout: layout).checkArchiveRepeats() {
            report.problems.append(problem)
            if repair, Doctor(layout: layout).removeArchiveRepeats(into: &report) { report.problems.removeAll { $0 == problem } }
        }
        if let note = Doctor(layout: layout).checkArchiveSummary() {
            report.notes.append(note)
            if repair { Doctor(layout: layout).repairArchiveSummary(into: &report) }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.directory)) ?? []
        for name in names where name.contains(".tmp-") { report.notes.append("\(layout.directory)/\(name): a temp file left by an interrupted write") }
        return report
    }
}

/// The repairs: each backs up what it touches first.
struct Doctor {
    let layout: StoreLayout

    func repair(_ error: StoreError, into report: inout DoctorReport) {
        do {
            guard case .damaged(let path, _, _) = error else {
                report.notes.append("nothing to repair automatically for: \(error.description)")
                return
            }
            if path.hasSuffix(".jsonl"), path != layout.archive {
                try salvageJournal(path, into: &report)
            } else if path == layout.snapshot {
                try restorePreviousSnapshot(into: &report)
            }
            _ = try LoadedStore.load(layout, directory: URL(fileURLWithPath: layout.directory))
            report.problems.removeAll()
        } catch {
            report.problems.append("repair did not finish: \(error)")
        }
    }

    /// Keeps the journal's lines up to the last one that reads and replays; the rest goes to quarantine.
    private func salvageJournal(_ path: String, into report: inout DoctorReport) throws(StoreError) {
        let snapshot = try SnapshotFile.read(try FileFacts.read(layout.snapshot) ?? [], path: layout.snapshot)
        let header = FileHeader.journal(generation: snapshot.generation).line()
        guard let bytes = try FileFacts.read(path) else {
            try AtomicFile.write(header, to: path, mode: layout.fileMode)
            report.actions.append("\(path): created an empty journal; the snapshot's state (up to event \(snapshot.ledger.lastSequence)) is kept")
            return
        }
        var ledger = snapshot.ledger
        var keep = 0
        var schema = StoreCoding.schemaVersion
        let lines = Lines(bytes)
        for (index, range) in lines.complete.enumerated() {
            guard let scan = try? JournalScan.read(Array(bytes[range]) + [10], base: range.lowerBound, lineCount: index, schema: schema, path: path, generation: snapshot.generation),
                  scan.torn == nil else { break }
            schema = scan.schema
            var next = ledger
            guard (try? LoadedStore.replay(scan, onto: &next, path: path)) != nil else { break }
            ledger = next
            keep = range.upperBound + 1
        }
        let good = keep == 0 ? header : Array(bytes[..<keep])
        try backup(path, into: &report)
        try layout.ensureDirectory(layout.quarantine)
        let cut = Array(bytes[keep...])
        if !cut.isEmpty {
            try AtomicFile.write(cut, to: "\(layout.quarantine)/\((path as NSString).lastPathComponent)-byte-\(keep)-\(Int(Date().timeIntervalSince1970)).damaged", mode: layout.fileMode)
        }
        try AtomicFile.write(good, to: path, mode: layout.fileMode)
        report.actions.append("\(path): kept everything up to event \(ledger.lastSequence); \(cut.count) bytes moved to quarantine")
    }

    private func restorePreviousSnapshot(into report: inout DoctorReport) throws(StoreError) {
        guard let previous = try FileFacts.read(layout.previousSnapshot) else {
            throw .damaged(path: layout.snapshot, location: "file", reason: "damaged and no previous snapshot to fall back on")
        }
        let restored = try SnapshotFile.read(previous, path: layout.previousSnapshot)
        try backup(layout.snapshot, into: &report)
        if !FileFacts.exists(layout.journal(restored.generation)) {
            try AtomicFile.write(FileHeader.journal(generation: restored.generation).line(), to: layout.journal(restored.generation), mode: layout.fileMode)
        }
        try AtomicFile.write(previous, to: layout.snapshot, mode: layout.fileMode)
        report.actions.append("\(layout.snapshot): restored the previous snapshot (up to event \(restored.ledger.lastSequence)); later events are lost unless their journal survives")
    }

    func backup(_ path: String, into report: inout DoctorReport) throws(StoreError) {
        try layout.ensureDirectory(layout.backups)
        guard let bytes = try FileFacts.read(path) else { return }
        let target = "\(layout.backups)/\((path as NSString).lastPathComponent).\(FastTime.stamp(Date()))"
        try AtomicFile.write(bytes, to: target, mode: layout.fileMode)
        report.backups.append(target)
    }
}
