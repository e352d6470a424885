import EscalationKit
import EscalationStore
import Foundation

/// One row of `list`: what its table, JSON, filters and sort read, from an escalation in the ledger
/// or from an archived escalation's summary (so the archive's histories need not be decoded).
struct ListRow {
    var id: EscalationID
    var title: String
    var account: Account
    var category: Category
    var severity: Severity
    var tier: Tier
    var owner: String?
    var team: String
    var createdAt: Date
    var attention: Attention

    init(_ e: Escalation, attention: Attention) {
        id = e.id
        title = e.title
        account = e.account
        category = e.category
        severity = e.severity
        tier = e.tier
        owner = e.owner
        team = e.team
        createdAt = e.createdAt
        self.attention = attention
    }

    /// A closed, archived escalation: its flags depend on nothing but its pattern link.
    init(closed s: ArchivedSummary) {
        id = s.id
        title = s.title
        account = s.account
        category = s.category
        severity = s.severity
        tier = s.tier
        owner = s.owner
        team = s.team
        createdAt = s.createdAt
        attention = Attention(closedWithPattern: s.pattern)
    }
}
