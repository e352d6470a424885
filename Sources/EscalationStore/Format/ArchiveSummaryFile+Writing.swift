#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

extension ArchiveSummaryFile {
    /// What `catchUp` did.
    enum Outcome: Equatable {
        case noArchive, upToDate
        /// Missing or stale, and the archive too large to rebuild under the lock: `doctor --repair` does it.
        case leftForDoctor
        case appended(Int)
        case rebuilt(Int)
    }

    /// Brings the summary up to the archive's last complete line (the caller holds the writers' lock):
    /// appends the summaries of the lines it does not cover yet, or rewrites it whole when it does not
    /// describe the archive (missing, another schema, or the archive changed under it).
    /// A rebuild decodes the whole archive; `rebuildingUpTo` bounds the archive size that may cost
    /// (compaction holds the writers' lock, and other writers wait 5 s at most by default).
    static func catchUp(layout: StoreLayout, rebuildingUpTo limit: Int = .max) throws(StoreError) -> Outcome {
        guard let archive = try Descriptor.openIfPresent(layout.archive),
              let (schema, _) = try ArchiveFile.schema(of: archive) else { return .noArchive }
        guard let (mark, markEnd) = lastMark(layout: layout), vouches(mark, for: archive) else {
            return try archive.size <= limit ? try rebuild(layout: layout) : .leftForDoctor
        }
        let (summaries, end) = try self.summaries(of: archive, from: mark.archiveBytes, schema: schema)
        guard end > mark.archiveBytes else { return .upToDate }
        let next = ArchiveSummaryLines.Mark(archiveBytes: end, archiveTail: try tailChecksum(of: archive, upTo: end))
        let file = try Descriptor.open(layout.archiveSummary, O_WRONLY | O_APPEND)
        // Lines after the last mark are a batch a crash interrupted: cut them, then append.
        if try file.size != markEnd { try file.truncate(to: markEnd) }
        try file.append(ArchiveSummaryLines.encode(summaries, mark: next))
        try file.syncData()
        return .appended(summaries.count)
    }

    /// Writes the summary anew from the whole archive (temp file and rename, so readers never see half).
    static func rebuild(layout: StoreLayout) throws(StoreError) -> Outcome {
        guard let prepared = try prepareRebuild(layout: layout) else { return .noArchive }
        return try install(prepared, layout: layout)
    }

    /// A whole new summary, decoded without the writers' lock (the archive only grows under it).
    static func prepareRebuild(layout: StoreLayout) throws(StoreError) -> (bytes: [UInt8], mark: ArchiveSummaryLines.Mark, count: Int)? {
        guard let archive = try Descriptor.openIfPresent(layout.archive), let whole = try wholeArchive(layout: layout) else { return nil }
        let mark = ArchiveSummaryLines.Mark(archiveBytes: whole.end, archiveTail: try tailChecksum(of: archive, upTo: whole.end))
        return (header() + ArchiveSummaryLines.encode(whole.summaries, mark: mark), mark, whole.summaries.count)
    }

    /// Installs a prepared summary (the caller holds the writers' lock) if the archive still starts
    /// with what it summarises, then appends what was archived since.
    static func install(_ prepared: (bytes: [UInt8], mark: ArchiveSummaryLines.Mark, count: Int), layout: StoreLayout) throws(StoreError) -> Outcome {
        guard let archive = try Descriptor.openIfPresent(layout.archive), vouches(prepared.mark, for: archive) else {
            throw .io(path: layout.archiveSummary, reason: "the archive changed while its summary was being prepared; run it again")
        }
        try AtomicFile.write(prepared.bytes, to: layout.archiveSummary, mode: layout.fileMode)
        if case .appended(let more) = try catchUp(layout: layout, rebuildingUpTo: 0) { return .rebuilt(prepared.count + more) }
        return .rebuilt(prepared.count)
    }

    /// The last mark and the byte just after it, read from the end of the file (it is usually the last
    /// line); nil when the header is not this binary's or no mark is near the end.
    private static func lastMark(layout: StoreLayout) -> (ArchiveSummaryLines.Mark, Int)? {
        guard let file = try? Descriptor.openIfPresent(layout.archiveSummary), let size = try? file.size,
              let head = try? file.read(from: 0, upTo: 4096), let headerEnd = head.firstIndex(of: 10),
              headerProblem(head[..<headerEnd], path: file.path) == nil else { return nil }
        let start = max(headerEnd + 1, size - (1 << 20))
        guard let bytes = try? file.read(from: start) else { return nil }
        let lines = Lines(bytes)
        // A chunk that starts mid-file may start mid-line: its first piece is not a whole line.
        let whole = start == headerEnd + 1 ? lines.complete[...] : lines.complete.dropFirst()
        for range in whole.reversed() {
            if case .mark(let mark) = ArchiveSummaryLines.decode(bytes[range]) { return (mark, start + range.upperBound + 1) }
        }
        return nil
    }
}
