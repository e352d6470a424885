import Foundation

/// What escalation metrics are grouped by (seed 003's dimensions, plus severity).
public enum MetricsGrouping: String, CaseIterable, Codable, Sendable {
    case tier, category, segment, severity

    /// The group an escalation falls in: its key and label, and a sort rank.
    func group(of e: Escalation) -> (key: String, label: String, rank: Int) {
        switch self {
        case .tier: (String(e.tier.rawValue), e.tier.description, e.tier.rawValue)
        case .category: (e.category.key, e.category.label, Category.allCases.firstIndex(of: e.category)!)
        case .segment: (e.account.segment.rawValue, e.account.segment.label, Segment.allCases.firstIndex(of: e.account.segment)!)
        case .severity: (e.severity.rawValue, e.severity.label, Severity.allCases.firstIndex(of: e.severity)!)
        }
    }
}

/// Seed 003's escalation metrics for one group of escalations.
///
/// - `count`: escalations created in the range that fall in the group.
/// - `escalation_rate`: the group's share of all escalations created in the range, percent. (We have no
///   ticket volume to divide by, so "rate" is the share of escalations, which is what the board can know.)
/// - `mean_time_to_resolution_hours`: mean created → resolved over the group's resolved ones; null if none.
/// - `mean_time_to_acknowledge_hours`: mean created → acknowledged over the acknowledged ones; null if none.
/// - `acknowledge_sla_percent` / `resolve_sla_percent`: met ÷ (met + breached) of that clock read at `now`,
///   counting only clocks that stopped or have breached (a clock still running in time is not judged yet); null if none.
/// - `stall_rate`: percent that ever stalled (a stall episode ended by progress, or stalled at `now`).
/// - `arr_at_risk`: the ARR of the distinct accounts (by name) with an escalation still open at `now`,
///   in whole units; currencies are not converted.
/// - `waited` / `time_waiting_hours`: how many waited on someone (`escalator wait`), and the wall-clock
///   hours they spent waiting up to `now`. Waiting is reported here, apart: the clocks stop while
///   waiting, so it never counts against the SLA compliance above.
public struct MetricsRow: Hashable, Codable, Sendable {
    public var key: String
    public var label: String
    public var count: Int
    public var escalationRate: Double
    public var meanTimeToResolutionHours: Double?
    public var meanTimeToAcknowledgeHours: Double?
    public var acknowledgeSLAPercent: Double?
    public var resolveSLAPercent: Double?
    public var stallRate: Double
    public var arrAtRisk: Int
    public var waited: Int = 0
    public var timeWaitingHours: Double = 0

    enum CodingKeys: String, CodingKey {
        case key, label, count
        case escalationRate = "escalation_rate", meanTimeToResolutionHours = "mean_time_to_resolution_hours"
        case meanTimeToAcknowledgeHours = "mean_time_to_acknowledge_hours", acknowledgeSLAPercent = "acknowledge_sla_percent"
        case resolveSLAPercent = "resolve_sla_percent", stallRate = "stall_rate", arrAtRisk = "arr_at_risk"
        case waited, timeWaitingHours = "time_waiting_hours"
    }

    /// Every key present: what cannot be measured is `null`, as documented, not left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encode(count, forKey: .count)
        try c.encode(escalationRate, forKey: .escalationRate)
        try c.encode(meanTimeToResolutionHours, forKey: .meanTimeToResolutionHours)
        try c.encode(meanTimeToAcknowledgeHours, forKey: .meanTimeToAcknowledgeHours)
        try c.encode(acknowledgeSLAPercent, forKey: .acknowledgeSLAPercent)
        try c.encode(resolveSLAPercent, forKey: .resolveSLAPercent)
        try c.encode(stallRate, forKey: .stallRate)
        try c.encode(arrAtRisk, forKey: .arrAtRisk)
    }
}

/// Escalation metrics over a date range, grouped (seed 003's calculate-metrics).
///
/// JSON keys: `start`, `end` (YYYY-MM-DD, inclusive, in the policy calendar's zone), `grouped_by`,
/// `currency` (the most common ARR currency, for display), `groups` (non-empty groups in the
/// dimension's natural order) and `total` (all escalations in the range), each a `MetricsRow`.
public struct MetricsReport: Hashable, Codable, Sendable {
    public var start: String
    public var end: String
    public var groupedBy: MetricsGrouping
    public var currency: String
    public var groups: [MetricsRow]
    public var total: MetricsRow

    enum CodingKeys: String, CodingKey {
        case start, end, currency, groups, total
        case groupedBy = "grouped_by"
    }

    /// Metrics of the escalations created from the start of `range.lowerBound` to the end of
    /// `range.upperBound` (policy zone), grouped by `grouping`, with clocks read at `now`.
    public init(_ all: [Escalation], from range: ClosedRange<CalendarDay>, by grouping: MetricsGrouping, at now: Date, policy: Policy) {
        let zone = policy.calendar.timeZone
        let window = range.lowerBound.start(in: zone)..<range.upperBound.adding(days: 1).start(in: zone)
        let selected = all.filter { window.contains($0.createdAt) }
        let clocks = Clocks(policy: policy)
        start = range.lowerBound.description
        end = range.upperBound.description
        groupedBy = grouping
        let currencies = Dictionary(grouping: selected, by: \.account.arr.currency).mapValues(\.count)
        currency = currencies.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "EUR"
        let grouped = Dictionary(grouping: selected) { grouping.group(of: $0).key }
        groups = grouped.values
            .sorted { grouping.group(of: $0[0]).rank < grouping.group(of: $1[0]).rank }
            .map { MetricsReport.row(of: $0, key: grouping.group(of: $0[0]).key, label: grouping.group(of: $0[0]).label,
                                     outOf: selected.count, clocks: clocks, at: now) }
        total = MetricsReport.row(of: selected, key: "all", label: "All", outOf: selected.count, clocks: clocks, at: now)
    }

    static func row(of group: [Escalation], key: String, label: String, outOf all: Int, clocks: Clocks, at now: Date) -> MetricsRow {
        func percent(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) * 100 }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        func compliance(_ kind: ClockKind) -> Double? {
            let states = group.compactMap { clocks.read(kind, of: $0, at: now)?.state }.filter { $0 == .met || $0 == .breached }
            return percent(states.filter { $0 == .met }.count, states.count)
        }
        let stalled = group.filter { $0.stallEpisodes > 0 || clocks.status(of: $0, at: now) == .stalled }.count
        var seen: Set<String> = []
        var arr = 0
        for e in group where e.isOpen && seen.insert(e.account.name.lowercased()).inserted { arr += e.account.arr.amount }
        let waits = group.map { clocks.waitIntervals(of: $0).reduce(0.0) { $0 + $1.duration(at: now) } }
        return MetricsRow(
            key: key, label: label, count: group.count, escalationRate: percent(group.count, all) ?? 0,
            meanTimeToResolutionHours: mean(group.compactMap { e in e.resolvedAt.map { $0.timeIntervalSince(e.createdAt) / 3600 } }),
            meanTimeToAcknowledgeHours: mean(group.compactMap { e in e.acknowledgedAt.map { $0.timeIntervalSince(e.createdAt) / 3600 } }),
            acknowledgeSLAPercent: compliance(.acknowledge), resolveSLAPercent: compliance(.resolve),
            stallRate: percent(stalled, group.count) ?? 0, arrAtRisk: arr,
            waited: waits.filter { $0 > 0 }.count, timeWaitingHours: waits.reduce(0, +) / 3600)
    }
}
