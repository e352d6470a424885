import EscalationKit
import Foundation

/// An archived escalation as `list` shows it, and where its full line lies in the archive: what
/// the archive summary keeps so that listing the archive does not decode and replay every history.
///
/// Nothing here depends on "now": a closed escalation has no live clock, and its age is computed
/// from `createdAt` when it is shown.
public struct ArchivedSummary: Hashable, Sendable {
    public var id: EscalationID
    public var title: String
    public var account: Account
    public var category: Category
    public var severity: Severity
    public var tier: Tier
    /// The recorded status (the archive holds closed escalations only).
    public var status: Status
    public var owner: String?
    public var team: String
    public var createdAt: Date
    /// Linked to a pattern (the one flag a closed escalation can carry).
    public var pattern: Bool
    /// The byte offset of its line in `archive.jsonl`, so `show` can read that line alone.
    public var lineStart: Int
    /// The line's length in bytes, without its newline.
    public var lineLength: Int

    /// The summary of `e`, whose archive line is `line`.
    init(_ e: Escalation, line: Range<Int>) {
        id = e.id
        title = e.title
        // Only what a list shows of the account: the name, the ARR and the segment.
        account = Account(name: e.account.name, arr: e.account.arr, segment: e.account.segment)
        category = e.category
        severity = e.severity
        tier = e.tier
        status = e.status
        owner = e.owner
        team = e.team
        createdAt = e.createdAt
        pattern = e.pattern != nil
        lineStart = line.lowerBound
        lineLength = line.count
    }

    init(id: EscalationID, title: String, account: Account, category: Category, severity: Severity, tier: Tier, status: Status,
         owner: String?, team: String, createdAt: Date, pattern: Bool, lineStart: Int, lineLength: Int) {
        self.id = id
        self.title = title
        self.account = account
        self.category = category
        self.severity = severity
        self.tier = tier
        self.status = status
        self.owner = owner
        self.team = team
        self.createdAt = createdAt
        self.pattern = pattern
        self.lineStart = lineStart
        self.lineLength = lineLength
    }
}

/// A summary line holds its fields as an array in this order: no keys to write, read or allocate,
/// which makes reading a year of archive several times cheaper. The file's header names the schema.
extension ArchivedSummary: Codable {
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        id = try c.decode(EscalationID.self)
        title = try c.decode(String.self)
        let name = try c.decode(String.self), amount = try c.decode(Int.self), currency = try c.decode(String.self)
        account = Account(name: name, arr: Money(amount, currency), segment: try c.decode(Segment.self))
        category = try c.decode(Category.self)
        severity = try c.decode(Severity.self)
        tier = try c.decode(Tier.self)
        status = try c.decode(Status.self)
        owner = try c.decode(String?.self)
        team = try c.decode(String.self)
        createdAt = try c.decode(Date.self)
        pattern = try c.decode(Bool.self)
        lineStart = try c.decode(Int.self)
        lineLength = try c.decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(id)
        try c.encode(title)
        try c.encode(account.name)
        try c.encode(account.arr.amount)
        try c.encode(account.arr.currency)
        try c.encode(account.segment)
        try c.encode(category)
        try c.encode(severity)
        try c.encode(tier)
        try c.encode(status)
        try c.encode(owner)
        try c.encode(team)
        try c.encode(createdAt)
        try c.encode(pattern)
        try c.encode(lineStart)
        try c.encode(lineLength)
    }
}
