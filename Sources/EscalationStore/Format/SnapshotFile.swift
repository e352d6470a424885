import EscalationKit
import Foundation

/// The snapshot: a header line (format, schema, generation, last sequence, checksum of the body) and
/// one body line holding the open and recently closed escalations — never the archive.
struct SnapshotFile {
    var generation: Int
    var ledger: Ledger

    struct Body: Codable {
        var escalations: [Escalation]
        var lastNumberByYear: [Int: Int]
    }

    func bytes() throws(StoreError) -> [UInt8] {
        let body = Body(escalations: ledger.escalations.values.sorted { $0.id < $1.id }, lastNumberByYear: ledger.lastNumberByYear)
        let encoded: [UInt8]
        do { encoded = Array(try StoreCoding.encoder().encode(body)) } catch {
            throw .io(path: "snapshot", reason: "cannot encode the snapshot: \(error)")
        }
        let header = FileHeader(format: FileHeader.snapshotFormat, schemaVersion: StoreCoding.schemaVersion,
                                generation: generation, lastSequence: ledger.lastSequence, checksum: Checksum.of(encoded))
        return header.line() + encoded + [UInt8(ascii: "\n")]
    }

    /// Reads a snapshot; any damage is an error naming the path and where.
    static func read(_ bytes: [UInt8], path: String) throws(StoreError) -> SnapshotFile {
        let lines = Lines(bytes)
        guard let first = lines.complete.first else {
            throw .damaged(path: path, location: "byte 0", reason: bytes.isEmpty ? "the snapshot is empty" : "the snapshot has no complete header line")
        }
        let header = try FileHeader.read(bytes[first], path: path, format: FileHeader.snapshotFormat)
        guard let generation = header.generation, let last = header.lastSequence, let sum = header.checksum else {
            throw .damaged(path: path, location: "line 1", reason: "the header lacks generation, last_sequence or checksum")
        }
        guard lines.complete.count == 2, lines.unterminated == nil else {
            let offset = lines.complete.count > 1 ? lines.complete[1].upperBound : bytes.count
            throw .damaged(path: path, location: "byte \(offset)", reason: "expected exactly a header line and a body line (the file is truncated or has extra bytes)")
        }
        let body = bytes[lines.complete[1]]
        let actual = Checksum.of(body)
        guard actual == sum else {
            throw .damaged(path: path, location: "line 2 (byte \(lines.complete[1].lowerBound))", reason: "checksum mismatch (header says \(sum), body gives \(actual))")
        }
        let decoded: Body
        do { decoded = try StoreCoding.decoder().decode(Body.self, from: Data(body)) } catch {
            throw .damaged(path: path, location: "line 2", reason: "the body does not parse (\(StoreCoding.reason(error)))")
        }
        return SnapshotFile(generation: generation,
                            ledger: Ledger(escalations: decoded.escalations, lastSequence: last, lastNumberByYear: decoded.lastNumberByYear))
    }

    /// Only the header, to learn the generation cheaply.
    static func header(_ path: String) throws(StoreError) -> FileHeader? {
        guard let d = try Descriptor.openIfPresent(path) else { return nil }
        let bytes = try d.read(from: 0)
        guard let first = Lines(bytes).complete.first else { throw .damaged(path: path, location: "byte 0", reason: "no header line") }
        return try FileHeader.read(bytes[first], path: path, format: FileHeader.snapshotFormat)
    }
}
