import EscalationKit
import Foundation

/// The events read from a journal's bytes after a known position, and where reading stopped.
struct JournalScan {
    var events: [Event] = []
    /// Byte offset just past the last good line.
    var end: Int
    /// Number of lines (header included) up to `end`.
    var lineCount: Int
    /// A torn last line (no newline, or NUL bytes from a crash mid-append): ignored, cut off by the next writer.
    var torn: Range<Int>?
    /// The journal's schema (from its header line, or as the caller knew it).
    var schema: Int

    /// Reads the lines of `bytes`, which start at byte `base` of the file after `lineCount` lines
    /// (0 = the header comes first) in schema `schema`; anything that is not a torn tail is damage.
    static func read(_ bytes: [UInt8], base: Int, lineCount: Int, schema: Int, path: String, generation: Int) throws(StoreError) -> JournalScan {
        var scan = JournalScan(end: base, lineCount: lineCount, schema: schema)
        let lines = Lines(bytes)
        var decoder = StoreCoding.decoder(schema: schema)
        for (index, range) in lines.complete.enumerated() {
            let number = scan.lineCount + 1
            let line = bytes[range]
            let isLast = index == lines.complete.count - 1 && lines.unterminated == nil
            if isLast && line.contains(0) {
                scan.torn = (base + range.lowerBound)..<(base + range.upperBound + 1)
                return scan
            }
            let location = "line \(number) (byte \(base + range.lowerBound))"
            if number == 1 {
                let header = try FileHeader.read(line, path: path, format: FileHeader.journalFormat)
                guard header.generation == generation else {
                    throw .damaged(path: path, location: location, reason: "the journal is for generation \(header.generation ?? 0), the snapshot for \(generation)")
                }
                scan.schema = header.schemaVersion
                decoder = StoreCoding.decoder(schema: header.schemaVersion)
            } else {
                let payload: ArraySlice<UInt8>
                switch CheckedLine.payload(of: line, field: "event") {
                case .success(let p): payload = p
                case .failure(let problem): throw .damaged(path: path, location: location, reason: problem.reason)
                }
                if scan.schema >= 2, let event = FastRead.event(payload) {
                    scan.events.append(event)
                } else {
                    do { scan.events.append(try decoder.decode(Event.self, from: Data(payload))) } catch {
                        throw .damaged(path: path, location: location, reason: "the event does not parse (\(StoreCoding.reason(error)))")
                    }
                }
            }
            scan.end = base + range.upperBound + 1
            scan.lineCount = number
        }
        scan.torn = lines.unterminated.map { (base + $0.lowerBound)..<(base + $0.upperBound) }
        return scan
    }

    /// The line number of the event at `index` in `events`.
    func line(ofEventAt index: Int) -> Int { lineCount - events.count + index + 1 }
}
