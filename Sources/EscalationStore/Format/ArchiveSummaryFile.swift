#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// The archive summary, `archive-summary.jsonl`: one checked line per archived escalation with what
/// `list` shows, so that listing the archive does not decode and replay every history.
///
/// It is derived data, correct by construction: lines come in batches, each closed by a mark that
/// names how many bytes of the archive the summaries so far cover (with a checksum of the archive's
/// bytes just before that point). A reader trusts the summaries up to the last good mark that still
/// matches the archive and decodes only the archive lines after it; a missing, stale or damaged
/// summary costs time, never a wrong answer or a failed command.
enum ArchiveSummaryFile {
    static let format = "escalator-archive-summary"
    /// How many archive bytes before a mark's end its checksum covers: enough to notice a rewrite.
    static let tailLength = 4096

    /// What a read of the summary found.
    struct Contents {
        /// The summaries the last good mark vouches for, in file order (an id may appear twice: the later wins).
        var summaries: [ArchivedSummary] = []
        var mark: ArchiveSummaryLines.Mark?
        /// Why the read stopped before the end of the file, if it did.
        var problem: String?
        /// Complete lines after the last good mark (a batch a crash interrupted): not vouched for.
        var unfinished = 0
    }

    /// Reads the summary; nil when there is none.
    static func read(layout: StoreLayout) -> Contents? {
        let path = layout.archiveSummary
        let bytes: [UInt8]
        do {
            guard let read = try FileFacts.read(path) else { return nil }
            bytes = read
        } catch {
            return Contents(problem: error.description)
        }
        let lines = Lines(bytes)
        guard let first = lines.complete.first else { return Contents(problem: "\(path): no header line") }
        if let problem = headerProblem(bytes[first], path: path) { return Contents(problem: problem) }
        let decoded = parallelMap(Array(lines.complete.dropFirst()), minimumChunk: 2048, state: {}) { _, range in
            ArchiveSummaryLines.decode(bytes[range])
        }
        var contents = Contents()
        // One array, cut back to the last mark at the end: a year of summaries is not copied per batch.
        contents.summaries.reserveCapacity(decoded.count)
        var vouched = 0
        scan: for (index, line) in decoded.enumerated() {
            switch line {
            case .summary(let summary):
                contents.summaries.append(summary)
            case .mark(let mark):
                vouched = contents.summaries.count
                contents.mark = mark
            case .bad(let reason):
                contents.problem = "\(path): line \(index + 2): \(reason)"
                break scan
            }
        }
        contents.unfinished = contents.summaries.count - vouched
        contents.summaries.removeLast(contents.unfinished)
        return contents
    }

    /// True when `mark` still describes the archive: it reaches no further than the archive's end,
    /// and the bytes just before its end are those it was written after.
    static func vouches(_ mark: ArchiveSummaryLines.Mark, for archive: Descriptor) -> Bool {
        guard let size = try? archive.size, mark.archiveBytes > 0, mark.archiveBytes <= size else { return false }
        return (try? tailChecksum(of: archive, upTo: mark.archiveBytes)) == mark.archiveTail
    }

    static func tailChecksum(of archive: Descriptor, upTo end: Int) throws(StoreError) -> String {
        let start = max(0, end - tailLength)
        return Checksum.of(try archive.read(from: start, upTo: end - start))
    }

    /// The summaries of the archive's escalation lines from byte `base` on (a torn last piece left out).
    static func summaries(of archive: Descriptor, from base: Int, schema: Int) throws(StoreError) -> (summaries: [ArchivedSummary], end: Int) {
        let bytes = try archive.read(from: base)
        let lines = Lines(bytes)
        let good = ArchiveFile.escalationLines(bytes, lines: lines, from: 0)
        guard let last = good.last else { return ([], base) }
        let escalations = try EscalationLines.decode(bytes, lines: good, firstLine: 0, schema: schema, path: archive.path)
        let summaries = zip(escalations, good).map { ArchivedSummary($0, line: ($1.lowerBound + base)..<($1.upperBound + base)) }
        return (summaries, base + last.upperBound + 1)
    }

    /// Why a header line is not this file's (a newer or older schema is rebuilt, not read), or nil.
    static func headerProblem(_ line: ArraySlice<UInt8>, path: String) -> String? {
        do {
            let header = try FileHeader.read(line, path: path, format: format)
            return header.schemaVersion == 2 ? nil : "\(path): schema \(header.schemaVersion), not the 2 this binary writes"
        } catch {
            return error.description
        }
    }

    static func header() -> [UInt8] { FileHeader(format: format, schemaVersion: 2).line() }
}
