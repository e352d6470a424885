import EscalationKit
import Foundation

/// An archived escalation as `list` shows it, and where its full line lies in the archive: what
/// the archive summary keeps so that listing the archive does not decode and replay every history.
///
/// Nothing here depends on "now": a closed escalation has no live clock, and its age is computed
/// from `createdAt` when it is shown.
public struct ArchivedSummary: Hashable, Codable, Sendable {
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
