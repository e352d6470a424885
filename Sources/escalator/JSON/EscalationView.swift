import EscalationKit
import Foundation

/// One escalation as `list --json` prints it: where it stands and what needs attention, no brief.
struct EscalationSummary: EveryKeyEncodable {
    var id: String
    var title: String
    var account: String
    var arr: Int
    var currency: String
    var segment: String
    var category: String
    var severity: String
    var tier: Int
    var status: String
    var owner: String?
    var team: String
    var createdAt: Date
    var ageDays: Int
    var flags: [String]
    var nextDeadline: ClockSummary?
    var nextUpdateDue: Date?

    init(_ e: Escalation, at now: Date, policy: Policy) {
        self.init(e, attention: Attention(e, at: now, policy: policy), at: now)
    }

    /// With the attention already read (reading the clocks is the costly part of a list).
    init(_ e: Escalation, attention: Attention, at now: Date) {
        self.init(ListRow(e, attention: attention), at: now)
    }

    /// From a row of `list`, live or archived: the age is counted to `now` here, not stored.
    init(_ row: ListRow, at now: Date) {
        let a = row.attention
        id = row.id.description
        title = row.title
        account = row.account.name
        arr = row.account.arr.amount
        currency = row.account.arr.currency
        segment = row.account.segment.rawValue
        category = row.category.key
        severity = row.severity.rawValue
        tier = row.tier.rawValue
        status = a.status.rawValue
        owner = row.owner
        team = row.team
        createdAt = row.createdAt
        ageDays = Int(now.timeIntervalSince(row.createdAt) / 86400)
        flags = a.keys
        nextDeadline = a.mostUrgent.map { ClockSummary($0, at: now) }
        nextUpdateDue = a.nextUpdateDue
    }
}

/// One clock as JSON shows it.
struct ClockSummary: EveryKeyEncodable {
    var kind: String
    var state: String
    var start: Date
    var deadline: Date
    var stoppedAt: Date?
    var target: String
    var basis: String
    var usedPercent: Int
    var secondsRemaining: Int
    var warning: Double?
    var rule: String

    init(_ r: ClockReading, at now: Date) {
        kind = r.kind.rawValue
        state = r.state.rawValue
        start = r.start
        deadline = r.deadline
        stoppedAt = r.stoppedAt
        target = r.target.description
        basis = r.basis.rawValue
        usedPercent = Int((r.used * 100).rounded())
        secondsRemaining = Int(r.deadline.timeIntervalSince(r.stoppedAt ?? now))
        warning = r.warning
        rule = r.rule
    }
}

/// One escalation as `show --json` prints it: everything, with clocks and the history.
struct EscalationDetail: EveryKeyEncodable {
    var id: String
    var title: String
    var status: String
    var recordedStatus: String
    var severity: String
    var suggestedSeverity: String?
    var severityOverrideReason: String?
    var tier: Int
    var category: String
    var team: String
    var owner: String?
    var reporter: String
    var account: AccountView
    var score: Score?
    var sentiment: String
    var pattern: String?
    var reopenedFrom: String?
    var resolution: String?
    var createdAt: Date
    var acknowledgedAt: Date?
    var resolvedAt: Date?
    var closedAt: Date?
    var flags: [String]
    var clocks: [ClockSummary]
    /// Every wait, as the clocks count it (`until` is nil while it lasts).
    var waits: [WaitInterval]
    var brief: Brief
    var deescalation: Deescalation?
    var history: [HistoryLine]

    /// The account with every key present (the store's form leaves unknown health and renewal out).
    struct AccountView: EveryKeyEncodable {
        var name: String
        var arr: Money
        var segment: Segment
        var healthScore: Int?
        var renewal: CalendarDay?
        var strategic: Bool
    }

    struct Score: Encodable {
        var impact, value, urgency, capability, total: Int
    }

    struct HistoryLine: EveryKeyEncodable {
        var sequence: Int
        var time: Date
        var actor: String
        /// The OS login that wrote the event; null for events from before logins were recorded.
        var login: String?
        var summary: String

        enum CodingKeys: String, CodingKey { case sequence, time, actor, login, summary }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sequence, forKey: .sequence)
            try c.encode(time, forKey: .time)
            try c.encode(actor, forKey: .actor)
            try c.encode(login, forKey: .login)
            try c.encode(summary, forKey: .summary)
        }
    }

    init(_ e: Escalation, at now: Date, policy: Policy) {
        let attention = Attention(e, at: now, policy: policy)
        id = e.id.description
        title = e.title
        status = attention.status.rawValue
        recordedStatus = e.status.rawValue
        severity = e.severity.rawValue
        suggestedSeverity = e.suggestedSeverity?.rawValue
        severityOverrideReason = e.severityOverrideReason
        tier = e.tier.rawValue
        category = e.category.key
        team = e.team
        owner = e.owner
        reporter = e.reporter
        let a = e.account
        account = AccountView(name: a.name, arr: a.arr, segment: a.segment, healthScore: a.healthScore, renewal: a.renewal, strategic: a.strategic)
        score = e.dimensions.map { Score(impact: $0.impact, value: $0.value, urgency: $0.urgency, capability: $0.capability, total: $0.total) }
        sentiment = e.sentiment.rawValue
        pattern = e.pattern
        reopenedFrom = e.reopenedFrom?.description
        resolution = e.resolution
        createdAt = e.createdAt
        acknowledgedAt = e.acknowledgedAt
        resolvedAt = e.resolvedAt
        closedAt = e.closedAt
        flags = attention.keys
        clocks = Clocks(policy: policy).read(e, at: now).map { ClockSummary($0, at: now) }
        waits = Clocks(policy: policy).waitIntervals(of: e)
        brief = e.brief
        deescalation = e.deescalation
        history = e.history.map { HistoryLine(sequence: $0.sequence, time: $0.time, actor: $0.actor, login: $0.login, summary: $0.change.phrase(policy: policy)) }
    }
}
