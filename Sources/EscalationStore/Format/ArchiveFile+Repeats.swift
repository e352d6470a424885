#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// An escalation archived twice: what a compaction that failed or crashed after appending to the
/// archive, and before its snapshot was installed, used to leave when the next one archived the same
/// escalations again. Readers take the last line of an id; compaction no longer appends a line the
/// archive already holds, and `doctor --repair` removes the repeats older versions left.
extension ArchiveFile {
    /// `candidates` without those the archive already holds in this very version. Only lines appended
    /// after `since` (where the archive ended when the current snapshot was written) can hold them:
    /// an unfinished compaction's. Without a usable `since` (a snapshot from an older version, or an
    /// archive rewritten by `doctor --repair`), the summary says which candidates have a line at all.
    static func notYetArchived(_ candidates: [Escalation], since: Int?, layout: StoreLayout) throws(StoreError) -> [Escalation] {
        guard !candidates.isEmpty, let file = try Descriptor.openIfPresent(layout.archive),
              let (schema, headerEnd) = try schema(of: file) else { return candidates }
        let size = try file.size
        var held: [Escalation] = []
        if let since, since >= headerEnd, since <= size, try file.read(from: since - 1, upTo: 1) == [10] {
            let bytes = try file.read(from: since)
            let lines = Lines(bytes)
            for range in escalationLines(bytes, lines: lines, from: 0) {
                // A line that does not decode holds nothing we could skip: appending again is the safe side.
                if let e = try? EscalationLines.decode(bytes, lines: [range], firstLine: 0, schema: schema, path: layout.archive).first { held.append(e) }
            }
        } else {
            let ids = Set(candidates.map(\.id))
            for summary in try ArchiveSummaryFile.current(layout: layout) where ids.contains(summary.id) {
                if let e = try? ArchiveSummaryFile.escalation(at: summary, layout: layout) { held.append(e) }
            }
        }
        guard !held.isEmpty else { return candidates }
        let versions = Set(held.map(Version.init))
        return candidates.filter { !versions.contains(Version($0)) }
    }

    /// One state of one escalation: its id, revision and last event (sequence numbers are never reused).
    fileprivate struct Version: Hashable {
        let id: EscalationID
        let revision: Int
        let lastSequence: Int?
        init(_ e: Escalation) {
            id = e.id
            revision = e.revision
            lastSequence = e.history.last?.sequence
        }
    }

    /// The archive's lines that a later line repeats exactly (the same version of the same escalation),
    /// in file order. An earlier version of an id (undone and closed again after a failed compaction)
    /// is not a repeat: readers take the later line, and the earlier one tells what was archived first.
    static func repeatedLines(layout: StoreLayout) throws(StoreError) -> [(id: EscalationID, line: Range<Int>)] {
        let all = try readLines(layout: layout)
        var last: [Version: Int] = [:]
        for (index, entry) in all.enumerated() { last[Version(entry.escalation)] = index }
        return all.enumerated().filter { last[Version($0.element.escalation)] != $0.offset }.map { ($0.element.escalation.id, $0.element.line) }
    }

    /// The archive without `repeats` (byte ranges of whole lines, from `repeatedLines`), every other byte as it was.
    static func without(_ repeats: [Range<Int>], layout: StoreLayout) throws(StoreError) -> [UInt8] {
        guard let bytes = try FileFacts.read(layout.archive) else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var from = 0
        for line in repeats.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            out += bytes[from..<line.lowerBound]
            from = min(bytes.count, line.upperBound + 1)
        }
        out += bytes[from...]
        return out
    }
}
