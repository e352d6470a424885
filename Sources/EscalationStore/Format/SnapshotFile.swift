import EscalationKit
import Foundation

/// The snapshot: a header line (format, schema, generation, last sequence, id counters, number of
/// escalations, checksum) then one checked line per open or recently closed escalation — never the archive.
struct SnapshotFile {
    var generation: Int
    var ledger: Ledger
    /// See `FileHeader.archiveBytes`; nil in a snapshot from before it was recorded.
    var archiveBytes: Int? = nil

    func bytes() throws(StoreError) -> [UInt8] {
        let body = try EscalationLines.encode(ledger.escalations.values.sorted(by: { $0.id < $1.id }), schema: StoreCoding.schemaVersion)
        let header = FileHeader(format: FileHeader.snapshotFormat, schemaVersion: StoreCoding.schemaVersion,
                                generation: generation, lastSequence: ledger.lastSequence, checksum: Checksum.of(body),
                                count: ledger.escalations.count, lastNumberByYear: ledger.lastNumberByYear, archiveBytes: archiveBytes)
        return header.line() + body
    }

    /// Reads a snapshot; any damage is an error naming the path and where. With `focus`, only those
    /// escalations are decoded, each checked against its own line's checksum; the rest of the file
    /// is left to readers of the whole (the board, `list`, `doctor`), which report any damage there.
    static func read(_ bytes: [UInt8], path: String, focus: Set<EscalationID>? = nil) throws(StoreError) -> SnapshotFile {
        let lines = Lines(bytes)
        guard let first = lines.complete.first else {
            throw .damaged(path: path, location: "byte 0", reason: bytes.isEmpty ? "the snapshot is empty" : "the snapshot has no complete header line")
        }
        let header = try FileHeader.read(bytes[first], path: path, format: FileHeader.snapshotFormat)
        guard let generation = header.generation, let last = header.lastSequence, let sum = header.checksum, let count = header.count else {
            throw .damaged(path: path, location: "line 1", reason: "the header lacks generation, last_sequence, count or checksum")
        }
        if let torn = lines.unterminated {
            throw .damaged(path: path, location: "byte \(torn.lowerBound)", reason: "the last line has no end (the file is truncated)")
        }
        guard lines.complete.count == count + 1 else {
            throw .damaged(path: path, location: "line \(lines.complete.count)", reason: "the header announces \(count) escalations, the file holds \(lines.complete.count - 1)")
        }
        if let focus, header.schemaVersion >= 2 {
            var escalations: [Escalation] = []
            let endings = focus.map(EscalationLines.lineEnding)
            for (index, line) in lines.complete.enumerated().dropFirst() where endings.contains(where: { EscalationLines.line(bytes[line], endsWith: $0) }) {
                escalations += try EscalationLines.decode(bytes, lines: [line], firstLine: index + 1, schema: header.schemaVersion, path: path)
            }
            return SnapshotFile(generation: generation,
                                ledger: Ledger(escalations: escalations, lastSequence: last, lastNumberByYear: header.lastNumberByYear ?? [:]),
                                archiveBytes: header.archiveBytes)
        }
        // The header's checksum covers every byte of every line: checking each line's again would
        // hash the snapshot twice (a quarter of an `update`'s start-up). It is hashed on one thread
        // while the others decode, and a mismatch is reported before anything decoding found.
        let actual = ChecksumResult()
        let decoded = Result { () throws(StoreError) -> [Escalation] in
            try EscalationLines.decode(bytes, lines: lines.complete.dropFirst(), firstLine: 2, schema: header.schemaVersion, path: path, checked: true,
                                       alongside: { actual.value = Checksum.of(bytes[(first.upperBound + 1)...]) })
        }
        guard actual.value == sum else {
            throw .damaged(path: path, location: "byte \(first.upperBound + 1)", reason: "checksum mismatch (header says \(sum), the escalations give \(actual.value))")
        }
        let escalations = try decoded.get()
        return SnapshotFile(generation: generation,
                            ledger: Ledger(escalations: escalations, lastSequence: last, lastNumberByYear: header.lastNumberByYear ?? [:]),
                            archiveBytes: header.archiveBytes)
    }
}

/// The checksum computed alongside decoding (written once by one thread, read after all joined).
private final class ChecksumResult: @unchecked Sendable {
    var value = ""
}
