import Foundation

/// An escalation's brief as data: the same content as the Markdown brief, for `--json` and scripts.
///
/// JSON keys are snake_case: `id`, `headline`, `title`, `account`, `severity` (critical/high/medium),
/// `priority` (P1–P3), `status` (as the board shows it, incl. `stalled`), `category`, `tier`,
/// `target_team`, `reported_by`, `date` (YYYY-MM-DD, the brief's date in the policy zone),
/// `impact` {`summary`, `customers_affected`, `workflow_impact`, `revenue_at_risk`, `time_in_queue`,
/// `reputation`, `contractual`, `multiple_customers`}, `description`, `attempts` [{`step`, `result`}],
/// `reproduction` ({`steps`, `expected`, `actual`, `environment`, `frequency`} or null),
/// `customer_communication` {`last_update`, `last_update_at`, `expectation`, `escalation_risk`},
/// `ask` {`kind` (investigate/fix/decide/approve/other or null), `text`, `deadline`},
/// `timeline` [{`time`, `actor`, `sentence`}], `commercial` {`arr`, `currency`, `renewal_date`,
/// `days_to_renewal`, `context`}, `pattern`, `links`. Moments are ISO 8601 in UTC with milliseconds
/// ("2026-03-10T09:40:00.000Z"); optional values that are unknown (`pattern`, `reproduction`, `ask.kind`,
/// `ask.deadline`, `renewal_date`, …) are `null`, never left out; unknown text is an empty string. Text is as the user typed it
/// (JSON escaping keeps it harmless); the Markdown form neutralizes it.
public struct BriefDocument: Hashable, Codable, Sendable {
    public var id: String
    public var headline: String
    public var title: String
    public var account: String
    public var severity: String
    public var priority: String
    public var status: String
    public var category: String
    public var tier: Int
    public var targetTeam: String
    public var reportedBy: String
    public var date: String
    public var impact: Impact
    public var description: String
    public var attempts: [Attempt]
    public var reproduction: Reproduction?
    public var customerCommunication: Communication
    public var ask: AskPart
    public var timeline: [TimelineEntry]
    public var commercial: Commercial
    public var pattern: String?
    public var links: [String]

    /// Seed 001's Impact bullets, with seed 000's 2–3 sentence summary above them.
    public struct Impact: Hashable, Codable, Sendable {
        public var summary: String
        public var customersAffected: String
        public var workflowImpact: String
        public var revenueAtRisk: String
        public var timeInQueue: String
        public var reputation: String
        public var contractual: String
        public var multipleCustomers: Bool

        enum CodingKeys: String, CodingKey {
            case summary, reputation, contractual
            case customersAffected = "customers_affected", workflowImpact = "workflow_impact"
            case revenueAtRisk = "revenue_at_risk", timeInQueue = "time_in_queue", multipleCustomers = "multiple_customers"
        }
    }

    public struct Communication: Hashable, Codable, Sendable {
        public var lastUpdate: String
        public var lastUpdateAt: String?
        public var expectation: String
        public var escalationRisk: String

        enum CodingKeys: String, CodingKey {
            case expectation
            case lastUpdate = "last_update", lastUpdateAt = "last_update_at", escalationRisk = "escalation_risk"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(lastUpdate, forKey: .lastUpdate)
            try c.encode(lastUpdateAt, forKey: .lastUpdateAt)
            try c.encode(expectation, forKey: .expectation)
            try c.encode(escalationRisk, forKey: .escalationRisk)
        }
    }

    public struct AskPart: Hashable, Codable, Sendable {
        public var kind: String?
        public var text: String
        public var deadline: String?

        enum CodingKeys: String, CodingKey { case kind, text, deadline }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(text, forKey: .text)
            try c.encode(deadline, forKey: .deadline)
        }
    }

    /// One event of the escalation's history, with its sentence (see `HistoryEntry.sentence(policy:)`).
    public struct TimelineEntry: Hashable, Codable, Sendable {
        public var time: String
        public var actor: String
        public var sentence: String
    }

    public struct Commercial: Hashable, Codable, Sendable {
        public var arr: Int
        public var currency: String
        public var renewalDate: String?
        public var daysToRenewal: Int?
        public var context: String

        enum CodingKeys: String, CodingKey {
            case arr, currency, context
            case renewalDate = "renewal_date", daysToRenewal = "days_to_renewal"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(arr, forKey: .arr)
            try c.encode(currency, forKey: .currency)
            try c.encode(renewalDate, forKey: .renewalDate)
            try c.encode(daysToRenewal, forKey: .daysToRenewal)
            try c.encode(context, forKey: .context)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, headline, title, account, severity, priority, status, category, tier, date, impact, description
        case attempts, reproduction, ask, timeline, commercial, pattern, links
        case targetTeam = "target_team", reportedBy = "reported_by", customerCommunication = "customer_communication"
    }

    /// Every key present, unknown values as `null` (the synthesized form would leave them out).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(headline, forKey: .headline)
        try c.encode(title, forKey: .title)
        try c.encode(account, forKey: .account)
        try c.encode(severity, forKey: .severity)
        try c.encode(priority, forKey: .priority)
        try c.encode(status, forKey: .status)
        try c.encode(category, forKey: .category)
        try c.encode(tier, forKey: .tier)
        try c.encode(targetTeam, forKey: .targetTeam)
        try c.encode(reportedBy, forKey: .reportedBy)
        try c.encode(date, forKey: .date)
        try c.encode(impact, forKey: .impact)
        try c.encode(description, forKey: .description)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(reproduction, forKey: .reproduction)
        try c.encode(customerCommunication, forKey: .customerCommunication)
        try c.encode(ask, forKey: .ask)
        try c.encode(timeline, forKey: .timeline)
        try c.encode(commercial, forKey: .commercial)
        try c.encode(pattern, forKey: .pattern)
        try c.encode(links, forKey: .links)
    }

    /// The brief of `e` as it stands at `now`.
    public init(_ e: Escalation, at now: Date, policy: Policy) {
        let zone = policy.calendar.timeZone
        let b = e.brief
        id = e.id.description
        headline = Headline.text(for: e, at: now, policy: policy)
        title = e.title
        account = e.account.name
        severity = e.severity.rawValue
        priority = e.severity.priority
        status = Clocks(policy: policy).status(of: e, at: now).rawValue
        category = e.category.key
        tier = e.tier.rawValue
        targetTeam = policy.teams[e.team]?.name ?? e.team
        reportedBy = e.reporter
        date = ReportTime.day(now, in: zone)
        let d = b.impactDimensions
        let days = ReportTime.daysBetween(e.createdAt, e.resolvedAt ?? now, in: zone)
        impact = Impact(
            summary: b.impact,
            customersAffected: d.breadth.isEmpty ? e.account.name : d.breadth,
            workflowImpact: d.depth,
            revenueAtRisk: d.revenue.isEmpty ? (e.account.arr.amount > 0 ? "\(e.account.arr.short) ARR" : "") : d.revenue,
            timeInQueue: d.duration.isEmpty
                ? "escalated \(ReportTime.count(days, "day")) ago (\(ReportTime.day(e.createdAt, in: zone)))" : d.duration,
            reputation: d.reputation, contractual: d.contractual, multipleCustomers: d.multipleCustomers)
        description = b.description
        attempts = b.attempts
        reproduction = b.reproduction.flatMap { $0.isEmpty ? nil : $0 }
        customerCommunication = Communication(
            lastUpdate: b.communication.lastUpdate,
            lastUpdateAt: (b.communication.lastUpdateAt ?? e.lastCustomerUpdateAt).map(ReportTime.iso),
            expectation: b.communication.expectation, escalationRisk: b.communication.escalationRisk)
        ask = AskPart(kind: b.ask.kind?.rawValue, text: b.ask.text, deadline: b.ask.deadline.map(ReportTime.iso))
        timeline = e.history.sorted { ($0.time, $0.sequence) < ($1.time, $1.sequence) }.map {
            TimelineEntry(time: ReportTime.iso($0.time), actor: $0.who, sentence: $0.sentence(policy: policy))
        }
        commercial = Commercial(
            arr: e.account.arr.amount, currency: e.account.arr.currency,
            renewalDate: e.account.renewal?.description,
            daysToRenewal: e.account.renewal.map { CalendarDay(now, in: zone).days(until: $0) },
            context: b.commercialContext)
        pattern = e.pattern
        links = b.links
        // Kept for the Markdown renderer, which shows moments in the policy zone.
        lastUpdateLocal = (b.communication.lastUpdateAt ?? e.lastCustomerUpdateAt).map { ReportTime.minute($0, in: zone) }
        deadlineLocal = b.ask.deadline.map { "\(ReportTime.minute($0, in: zone)) (\(ReportTime.relative($0, from: now)))" }
    }

    /// The last customer update and the deadline as the Markdown shows them; not part of the JSON.
    var lastUpdateLocal: String?
    var deadlineLocal: String?
}
