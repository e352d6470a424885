#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

extension ArchiveSummaryFile {
    /// Every archived escalation's summary, oldest id first, a later line for the same id winning:
    /// the summary's vouched-for part plus the archive lines after it, or the whole archive decoded.
    static func current(layout: StoreLayout) throws(StoreError) -> [ArchivedSummary] {
        guard let archive = try Descriptor.openIfPresent(layout.archive) else { return [] }
        guard let (schema, _) = try ArchiveFile.schema(of: archive) else { return try decodingEverything(layout) }
        guard let contents = read(layout: layout), let mark = contents.mark, vouches(mark, for: archive) else {
            return try decodingEverything(layout)
        }
        let tail: [ArchivedSummary]
        // Damage after the mark: the whole archive's read gives the error (file, line, reason).
        do { tail = try summaries(of: archive, from: mark.archiveBytes, schema: schema).summaries } catch { return try decodingEverything(layout) }
        return latestByID(tail.isEmpty ? contents.summaries : contents.summaries + tail)
    }

    /// The escalation on `summary`'s archive line, decoded alone.
    static func escalation(at summary: ArchivedSummary, layout: StoreLayout) throws(StoreError) -> Escalation? {
        guard let archive = try Descriptor.openIfPresent(layout.archive), let (schema, _) = try ArchiveFile.schema(of: archive) else { return nil }
        let bytes = try archive.read(from: summary.lineStart, upTo: summary.lineLength)
        guard bytes.count == summary.lineLength else { return nil }
        return try EscalationLines.decode(bytes, lines: [0..<bytes.count][...], firstLine: 0, schema: schema, path: layout.archive).first
    }

    private static func decodingEverything(_ layout: StoreLayout) throws(StoreError) -> [ArchivedSummary] {
        latestByID(try wholeArchive(layout: layout)?.summaries ?? [])
    }

    /// The summary of every escalation line of the archive, in file order, and the byte after the last
    /// one; decoded in slices, so that the archive's histories are never all in memory at once.
    static func wholeArchive(layout: StoreLayout) throws(StoreError) -> (summaries: [ArchivedSummary], end: Int)? {
        let path = layout.archive
        guard let bytes = try FileFacts.read(path) else { return nil }
        let lines = Lines(bytes)
        guard let first = lines.complete.first else { return nil }
        let schema = try FileHeader.read(bytes[first], path: path, format: FileHeader.archiveFormat).schemaVersion
        let good = ArchiveFile.escalationLines(bytes, lines: lines, from: 1)
        var summaries: [ArchivedSummary] = []
        summaries.reserveCapacity(good.count)
        var start = good.startIndex
        while start < good.endIndex {
            let slice = good[start..<min(start + 8192, good.endIndex)]
            // `lines.complete[i]` is the file's line i + 1: the numbers damage messages give.
            let escalations = try EscalationLines.decode(bytes, lines: slice, firstLine: start + 1, schema: schema, path: path)
            summaries += zip(escalations, slice).map { ArchivedSummary($0, line: $1) }
            start = slice.endIndex
        }
        return (summaries, (good.last?.upperBound ?? first.upperBound) + 1)
    }

    /// In id order, the last line of each id (as `ArchiveFile.read` keeps it).
    private static func latestByID(_ all: [ArchivedSummary]) -> [ArchivedSummary] {
        if all.indices.dropFirst().allSatisfy({ all[$0 - 1].id < all[$0].id }) { return all }
        var last: [EscalationID: Int] = [:]
        for (index, summary) in all.enumerated() { last[summary.id] = index }
        return last.values.sorted { all[$0].id < all[$1].id }.map { all[$0] }
    }
}
