import Foundation

/// The first line of every store file: what it is, which schema wrote it, and (for a snapshot and
/// its journal) the generation and position it covers.
struct FileHeader: Codable, Equatable {
    var format: String
    var schemaVersion: Int
    var generation: Int?
    var lastSequence: Int?
    /// Checksum of everything after the header (snapshot).
    var checksum: String?
    /// Number of escalation lines after the header (snapshot).
    var count: Int?
    /// The highest id number used per year, so ids are never reused (snapshot).
    var lastNumberByYear: [Int: Int]?
    /// The archive's length once this snapshot's compaction had appended to it (snapshot): archive
    /// lines past it were appended by a compaction that did not finish, and are not appended again.
    var archiveBytes: Int?

    /// The header's keys never change with the schema: it is read before the schema is known.
    enum CodingKeys: String, CodingKey {
        case format, generation, checksum, count
        case schemaVersion = "schema_version"
        case lastSequence = "last_sequence"
        case lastNumberByYear = "last_number_by_year"
        case archiveBytes = "archive_bytes"
    }

    init(format: String, schemaVersion: Int, generation: Int? = nil, lastSequence: Int? = nil, checksum: String? = nil,
         count: Int? = nil, lastNumberByYear: [Int: Int]? = nil, archiveBytes: Int? = nil) {
        self.format = format
        self.schemaVersion = schemaVersion
        self.generation = generation
        self.lastSequence = lastSequence
        self.checksum = checksum
        self.count = count
        self.lastNumberByYear = lastNumberByYear
        self.archiveBytes = archiveBytes
    }

    static let snapshotFormat = "escalator-snapshot"
    static let journalFormat = "escalator-journal"
    static let archiveFormat = "escalator-archive"

    func line() -> [UInt8] {
        (try! StoreCoding.encoder(schema: 2).encode(self)) + [UInt8(ascii: "\n")]
    }

    /// Reads and checks a header line; a newer schema is refused before anything else is looked at.
    static func read(_ line: ArraySlice<UInt8>, path: String, format: String) throws(StoreError) -> FileHeader {
        let header: FileHeader
        do { header = try plain(line) ?? StoreCoding.decoder(schema: 2).decode(FileHeader.self, from: Data(line)) } catch {
            throw .damaged(path: path, location: "line 1", reason: "the header does not parse (\(StoreCoding.reason(error)))")
        }
        if header.schemaVersion > StoreCoding.schemaVersion {
            throw .newerSchema(found: header.schemaVersion, known: StoreCoding.schemaVersion)
        }
        guard header.format == format else {
            throw .damaged(path: path, location: "line 1", reason: "format is \"\(header.format)\", expected \"\(format)\"")
        }
        guard StoreCoding.readable.contains(header.schemaVersion) else {
            throw .damaged(path: path, location: "line 1", reason: "unknown schema version \(header.schemaVersion)")
        }
        return header
    }
}

/// Splits bytes into lines: each range excludes its newline; a last piece with no newline is reported apart.
struct Lines {
    var complete: [Range<Int>] = []
    /// Bytes after the last newline (a line still being written, or torn by a crash).
    var unterminated: Range<Int>?

    init(_ bytes: [UInt8]) {
        var lineStart = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // memchr scans a word or a vector at a time: a byte loop was a serial 2 % of opening a store.
            while lineStart < buffer.count, let found = memchr(base + lineStart, 10, buffer.count - lineStart) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                complete.append(lineStart..<end)
                lineStart = end + 1
            }
        }
        if lineStart < bytes.count { unterminated = lineStart..<bytes.count }
    }
}
