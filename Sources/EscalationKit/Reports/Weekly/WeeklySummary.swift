import Foundation

/// Seed 000's weekly summary for CS leadership, with its exact keys and formats.
///
/// Definitions (all moments compared in the policy calendar's zone; escalations created after `now` are ignored):
/// - **week**: the 7 calendar days ending on `report_date` (the day `now` falls on), from the start
///   of the first day to the end of `report_date`. For 2026-03-10: 2026-03-04 00:00 to 2026-03-11 00:00.
/// - `active_escalations`: open (not resolved or closed) at `now`, stalled ones included.
/// - `new_this_week`: created during the week. `resolved_this_week`: resolved during the week (and not
///   moved back since), whether closed after or not.
/// - `stalled`: active escalations whose stall clock has run out at `now`.
/// - `average_resolution_time_days`: mean of resolved − created over those resolved this week, in
///   calendar days, one decimal; null when none was resolved.
/// - `escalations`: every active escalation, then those resolved this week; most severe first, then
///   longest open, then id. `status` is the board's (incl. derived `stalled`); `days_open` whole
///   calendar days from the creation day to `report_date` (to the resolution day once resolved);
///   `owner` the roster name (the owner as stored when outside the roster), null until acknowledged; `arr_at_risk` the account's ARR in whole units; `next_update_due`
///   the day of the earlier of the internal and customer update deadlines, null once resolved.
/// - `trends.most_common_category`: the category most active escalations have (ties: routing-table
///   order); null with none. `avg_time_to_acknowledge`: mean created → acknowledged (wall-clock hours)
///   over those acknowledged during the week, "3.1 hours"; null with none. `stall_rate`: `stalled` ÷
///   `active_escalations`, whole percent, "14%" ("0%" with none active).
public struct WeeklySummary: Hashable, Codable, Sendable {
    public var reportDate: String
    public var activeEscalations: Int
    public var newThisWeek: Int
    public var resolvedThisWeek: Int
    public var stalled: Int
    public var averageResolutionTimeDays: Double?
    public var escalations: [Item]
    public var trends: Trends

    /// One line of `escalations[]`.
    public struct Item: Hashable, Codable, Sendable {
        public var id: String
        public var account: String
        public var category: String
        public var severity: String
        public var status: String
        public var daysOpen: Int
        public var owner: String?
        public var arrAtRisk: Int
        public var customerSentiment: String
        public var nextUpdateDue: String?

        enum CodingKeys: String, CodingKey {
            case id, account, category, severity, status, owner
            case daysOpen = "days_open", arrAtRisk = "arr_at_risk", customerSentiment = "customer_sentiment"
            case nextUpdateDue = "next_update_due"
        }
    }

    public struct Trends: Hashable, Codable, Sendable {
        public var mostCommonCategory: String?
        public var avgTimeToAcknowledge: String?
        public var stallRate: String

        enum CodingKeys: String, CodingKey {
            case mostCommonCategory = "most_common_category", avgTimeToAcknowledge = "avg_time_to_acknowledge"
            case stallRate = "stall_rate"
        }
    }

    enum CodingKeys: String, CodingKey {
        case stalled, escalations, trends
        case reportDate = "report_date", activeEscalations = "active_escalations", newThisWeek = "new_this_week"
        case resolvedThisWeek = "resolved_this_week", averageResolutionTimeDays = "average_resolution_time_days"
    }

    /// The summary of `all` for the week ending on the day of `now`.
    public init(_ all: [Escalation], at now: Date, policy: Policy) {
        let zone = policy.calendar.timeZone
        let clocks = Clocks(policy: policy)
        let today = CalendarDay(now, in: zone)
        let week = today.adding(days: -6).start(in: zone)..<today.adding(days: 1).start(in: zone)
        let known = all.filter { $0.createdAt <= now }

        let active = known.filter(\.isOpen)
        let stalledOnes = active.filter { clocks.status(of: $0, at: now) == .stalled }
        let resolved = known.filter { e in !e.isOpen && e.resolvedAt.map(week.contains) == true }
        reportDate = today.description
        activeEscalations = active.count
        newThisWeek = known.filter { week.contains($0.createdAt) }.count
        resolvedThisWeek = resolved.count
        stalled = stalledOnes.count
        averageResolutionTimeDays = WeeklySummary.mean(resolved.map { $0.resolvedAt!.timeIntervalSince($0.createdAt) / 86400 })
            .map { ($0 * 10).rounded() / 10 }

        func item(_ e: Escalation) -> Item {
            let updates = [ClockKind.internalUpdate, .customerUpdate].compactMap { clocks.read($0, of: e, at: now)?.deadline }
            return Item(id: e.id.description, account: e.account.name, category: e.category.key, severity: e.severity.rawValue,
                        status: clocks.status(of: e, at: now).rawValue,
                        daysOpen: ReportTime.daysBetween(e.createdAt, e.isOpen ? now : e.resolvedAt ?? now, in: zone),
                        owner: e.owner.map(policy.people.displayName), arrAtRisk: e.account.arr.amount, customerSentiment: e.sentiment.rawValue,
                        nextUpdateDue: e.isOpen ? updates.min().map { ReportTime.day($0, in: zone) } : nil)
        }
        // Sort keys are computed once per escalation: calendar arithmetic is too slow to repeat per comparison.
        escalations = (active + resolved).map { e in
            let rank = Severity.allCases.firstIndex(of: e.severity)!
            return ((e.isOpen ? 0 : 1, rank), item(e), e.id)
        }
        .sorted { ($0.0.0, $0.0.1, -$0.1.daysOpen, $0.2) < ($1.0.0, $1.0.1, -$1.1.daysOpen, $1.2) }
        .map(\.1)

        let counts = Dictionary(grouping: active, by: \.category).mapValues(\.count)
        let top = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let acknowledged = known.compactMap { e in e.acknowledgedAt.flatMap { week.contains($0) ? $0.timeIntervalSince(e.createdAt) / 3600 : nil } }
        let rate = active.isEmpty ? 0 : Int((Double(stalledOnes.count) / Double(active.count) * 100).rounded())
        trends = Trends(mostCommonCategory: top?.key,
                        avgTimeToAcknowledge: WeeklySummary.mean(acknowledged).map { String(format: "%.1f hours", $0) },
                        stallRate: "\(rate)%")
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
