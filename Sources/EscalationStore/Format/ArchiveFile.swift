#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// The archive: closed escalations moved out of the snapshot, one checked line each, never read at
/// start-up. Appending is idempotent for readers: a later line for the same id wins.
enum ArchiveFile {
    static func append(_ escalations: [Escalation], layout: StoreLayout) throws(StoreError) {
        let path = layout.archive
        let isNew = !FileFacts.exists(path)
        let file = try Descriptor.open(path, O_RDWR | O_CREAT | O_APPEND, mode: layout.fileMode)
        var bytes: [UInt8] = []
        let size = try file.size
        // Lines are appended in the schema the archive's header names, so one file has one schema.
        var schema = StoreCoding.schemaVersion
        if size == 0 {
            bytes = FileHeader(format: FileHeader.archiveFormat, schemaVersion: StoreCoding.schemaVersion).line()
        } else if try file.read(from: size - 1) != [10] {
            // A torn line from a crash mid-append: keep its bytes in quarantine, then cut it off.
            let all = try file.read(from: 0)
            let keep = (all.lastIndex(of: 10) ?? -1) + 1
            try layout.ensureDirectory(layout.quarantine)
            try AtomicFile.write(Array(all[keep...]), to: "\(layout.quarantine)/archive.jsonl-byte-\(keep)-\(Int(Date().timeIntervalSince1970)).torn", mode: layout.fileMode)
            try file.truncate(to: keep)
            if keep == 0 { bytes = FileHeader(format: FileHeader.archiveFormat, schemaVersion: StoreCoding.schemaVersion).line() }
        }
        if bytes.isEmpty {
            let head = try file.read(from: 0, upTo: 4096)
            let end = head.firstIndex(of: 10) ?? head.endIndex
            schema = try FileHeader.read(head[..<end], path: path, format: FileHeader.archiveFormat).schemaVersion
        }
        bytes += try EscalationLines.encode(escalations, schema: schema)
        try file.append(bytes)
        try file.syncData()
        if isNew { try FileFacts.syncDirectory(layout.directory) }
    }

    /// Every archived escalation, oldest id first; a torn last line is ignored, other damage stops.
    static func read(layout: StoreLayout) throws(StoreError) -> [Escalation] {
        let all = try readLines(layout: layout).map(\.escalation)
        // Compaction appends in id order, so this is usually the answer as it stands.
        if all.indices.dropFirst().allSatisfy({ all[$0 - 1].id < all[$0].id }) { return all }
        var last: [EscalationID: Int] = [:]
        for (index, escalation) in all.enumerated() { last[escalation.id] = index }
        return last.values.sorted { all[$0].id < all[$1].id }.map { all[$0] }
    }

    /// Every escalation line in file order (an id appended twice appears twice), with its byte range.
    static func readLines(layout: StoreLayout) throws(StoreError) -> [(escalation: Escalation, line: Range<Int>)] {
        let path = layout.archive
        guard let bytes = try FileFacts.read(path) else { return [] }
        let lines = Lines(bytes)
        guard let first = lines.complete.first else { return [] }
        let header = try FileHeader.read(bytes[first], path: path, format: FileHeader.archiveFormat)
        let good = escalationLines(bytes, lines: lines, from: 1)
        let all = try EscalationLines.decode(bytes, lines: good, firstLine: 2, schema: header.schemaVersion, path: path)
        return Array(zip(all, good))
    }

    /// The lines from `lines.complete[from]` on that hold escalations: a torn last piece is not a line,
    /// and a last line with NUL bytes is a crash's unwritten block, not an escalation.
    static func escalationLines(_ bytes: [UInt8], lines: Lines, from: Int) -> ArraySlice<Range<Int>> {
        var good = lines.complete.dropFirst(from)
        if lines.unterminated == nil, let last = good.last, bytes[last].contains(0) { good = good.dropLast() }
        return good
    }

    /// The archive's schema, from its header alone; nil when there is no archive.
    static func schema(of file: Descriptor) throws(StoreError) -> (schema: Int, headerEnd: Int)? {
        let head = try file.read(from: 0, upTo: 4096)
        guard let end = head.firstIndex(of: 10) else { return nil }
        let header = try FileHeader.read(head[..<end], path: file.path, format: FileHeader.archiveFormat)
        return (header.schemaVersion, end + 1)
    }
}
