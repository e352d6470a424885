import EscalationKit
import Foundation

/// The lines of the archive summary: `{"checksum":…,"summary":{…}}` for one archived escalation,
/// and `{"checksum":…,"covers":{…}}` for the mark that closes each batch.
enum ArchiveSummaryLines {
    /// How much of the archive the summaries before a mark cover, and a checksum of the archive's
    /// bytes just before that point, so a rewritten archive is noticed with one small read.
    struct Mark: Codable, Equatable {
        var archiveBytes: Int
        var archiveTail: String
    }

    /// One line read: a summary, a mark, or the reason it is not a good line.
    enum Line {
        case summary(ArchivedSummary)
        case mark(Mark)
        case bad(String)
    }

    /// The bytes of a batch: its summaries, then its mark (each line checked on its own).
    static func encode(_ summaries: [ArchivedSummary], mark: Mark) -> [UInt8] {
        let lines = parallelMap(summaries, minimumChunk: 64, state: { StoreCoding.encoder(schema: 2) }) { encoder, summary in
            CheckedLine.encode(field: "summary", payload: Array(try! encoder.encode(summary)))
        }
        var bytes: [UInt8] = []
        for line in lines { bytes += line }
        return bytes + CheckedLine.encode(field: "covers", payload: Array(try! StoreCoding.encoder(schema: 2).encode(mark)))
    }

    /// Reads one line (without its newline).
    static func decode(_ line: ArraySlice<UInt8>) -> Line {
        // After `{"checksum":"` and 16 hex digits (29 bytes) comes the field's name.
        let isMark = line.dropFirst(29).starts(with: Array("\",\"covers\":".utf8))
        switch CheckedLine.payload(of: line, field: isMark ? "covers" : "summary") {
        case .failure(let problem):
            return .bad(problem.reason)
        case .success(let payload) where isMark:
            guard let mark = try? StoreCoding.decoder(schema: 2).decode(Mark.self, from: Data(payload)) else { return .bad("the mark does not parse") }
            return .mark(mark)
        case .success(let payload):
            guard let summary = fastSummary(payload) ?? (try? StoreCoding.decoder(schema: 2).decode(ArchivedSummary.self, from: Data(payload))) else {
                return .bad("the summary does not parse")
            }
            return .summary(summary)
        }
    }

    /// Reads a summary in the exact shape `encode` writes, without JSONDecoder; nil for any other shape.
    static func fastSummary(_ payload: ArraySlice<UInt8>) -> ArchivedSummary? {
        payload.withUnsafeBufferPointer { buffer -> ArchivedSummary? in
            var r = ByteReader(buffer)
            var id: EscalationID?, title: String?, name: String?, amount: Int?, currency: String?, segment: Segment?
            var category: Category?, severity: Severity?, tier: Tier?, status: Status?, owner: String?, team: String?
            var createdAt: Date?, pattern: Bool?, lineStart: Int?, lineLength: Int?
            var index = 0
            do throws(Unread) {
                try r.array { (r: inout ByteReader) throws(Unread) in
                    switch index {
                    case 0: id = try r.escalationID()
                    case 1: title = try r.string()
                    case 2: name = try r.string()
                    case 3: amount = try r.int()
                    case 4: currency = try r.string()
                    case 5: segment = try r.raw(Segment.self)
                    case 6: category = try r.raw(Category.self)
                    case 7: severity = try r.raw(Severity.self)
                    case 8: tier = try r.tier()
                    case 9: status = try r.raw(Status.self)
                    case 10: owner = try r.optional { (r: inout ByteReader) throws(Unread) in try r.string() }
                    case 11: team = try r.string()
                    case 12: createdAt = try r.date()
                    case 13: pattern = try r.bool()
                    case 14: lineStart = try r.int()
                    case 15: lineLength = try r.int()
                    default: throw Unread()
                    }
                    index += 1
                }
                guard index == 16, r.atEnd() else { return nil }
                let account = Account(name: try required(name), arr: Money(try required(amount), try required(currency)), segment: try required(segment))
                return ArchivedSummary(id: try required(id), title: try required(title), account: account,
                                       category: try required(category), severity: try required(severity), tier: try required(tier),
                                       status: try required(status), owner: owner, team: try required(team),
                                       createdAt: try required(createdAt), pattern: try required(pattern),
                                       lineStart: try required(lineStart), lineLength: try required(lineLength))
            } catch {
                return nil
            }
        }
    }
}
