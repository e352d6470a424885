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
            var id: EscalationID?, title: String?, account: Account?, category: Category?, severity: Severity?
            var tier: Tier?, status: Status?, owner: String?, team: String?, createdAt: Date?, pattern: Bool?
            var lineStart: Int?, lineLength: Int?
            do throws(Unread) {
                try r.fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
                    switch key {
                    case "id": id = try r.escalationID()
                    case "title": title = try r.string()
                    case "account": account = try r.summaryAccount()
                    case "category": category = try r.raw(Category.self)
                    case "severity": severity = try r.raw(Severity.self)
                    case "tier": tier = try r.tier()
                    case "status": status = try r.raw(Status.self)
                    case "owner": owner = try r.optional { (r: inout ByteReader) throws(Unread) in try r.string() }
                    case "team": team = try r.string()
                    case "createdAt": createdAt = try r.date()
                    case "pattern": pattern = try r.bool()
                    case "lineStart": lineStart = try r.int()
                    case "lineLength": lineLength = try r.int()
                    default: return false
                    }
                    return true
                }
                guard r.atEnd() else { return nil }
                return ArchivedSummary(id: try required(id), title: try required(title), account: try required(account),
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

private extension ByteReader {
    /// The account as a summary keeps it: name, ARR and segment.
    mutating func summaryAccount() throws(Unread) -> Account {
        var name: String?, amount: Int?, currency: String?, segment: Segment?
        try fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
            switch key {
            case "name": name = try r.string()
            case "segment": segment = try r.raw(Segment.self)
            case "arr":
                try r.fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
                    switch key {
                    case "amount": amount = try r.int()
                    case "currency": currency = try r.string()
                    default: return false
                    }
                    return true
                }
            default: return false
            }
            return true
        }
        return Account(name: try required(name), arr: Money(try required(amount), try required(currency)), segment: try required(segment))
    }
}
