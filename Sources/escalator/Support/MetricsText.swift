import EscalationKit

/// `metrics` for people: the table (count, mean time to resolution and to acknowledge, SLA
/// compliance, stall rate, ARR at risk; "—" where there is nothing to measure) and two bar charts
/// drawn with `#`, so they survive any terminal, all fitted to the console's width.
enum MetricsText {
    static func print(_ report: MetricsReport, _ c: Console) {
        func pct(_ x: Double?) -> String { x.map { "\(Int($0.rounded()))%" } ?? "—" }
        func hours(_ x: Double?) -> String { x.map { ReportTime.compact(hours: $0) } ?? "—" }
        func money(_ n: Int) -> String { Money(n, report.currency).short }
        let grouping = report.groupedBy.rawValue
        c.say("Escalation metrics \(report.start) to \(report.end), by \(grouping): \(report.total.count) escalation\(report.total.count == 1 ? "" : "s")")
        c.print()
        var table = Table([Table.Column(header: "Group", shrinks: true, minimum: 8), Table.Column(header: "Count", align: .right),
                           Table.Column(header: "MTTR", align: .right), Table.Column(header: "TTA", align: .right),
                           Table.Column(header: "Ack SLA", align: .right), Table.Column(header: "Res SLA", align: .right),
                           Table.Column(header: "Stall", align: .right), Table.Column(header: "ARR at risk", align: .right)])
        for r in report.groups + [report.total] {
            table.add([Table.Cell(safe(r.label)), Table.Cell(String(r.count)), Table.Cell(hours(r.meanTimeToResolutionHours)),
                       Table.Cell(hours(r.meanTimeToAcknowledgeHours)), Table.Cell(pct(r.acknowledgeSLAPercent)),
                       Table.Cell(pct(r.resolveSLAPercent)), Table.Cell(pct(r.stallRate)), Table.Cell(money(r.arrAtRisk))])
        }
        table.print(c)
        if report.total.waited > 0 {
            // Waiting is shown apart: the clocks stop while waiting, so it never counts against the SLA above.
            c.print()
            c.print("Time spent waiting (the clocks stop, so it is not counted against the SLA):")
            var waiting = Table([Table.Column(header: "Group", shrinks: true, minimum: 8), Table.Column(header: "Waited", align: .right),
                                 Table.Column(header: "Time waiting", align: .right)])
            for r in (report.groups + [report.total]) where r.waited > 0 {
                waiting.add([Table.Cell(safe(r.label)), Table.Cell(String(r.waited)), Table.Cell(hours(r.timeWaitingHours))])
            }
            waiting.print(c)
        }
        chart("Escalations by \(grouping)", report.groups, { $0.count }, { "\($0.count) (\(pct($0.escalationRate)))" }, c)
        chart("ARR at risk by \(grouping)", report.groups, { $0.arrAtRisk }, { money($0.arrAtRisk) }, c)
    }

    /// One bar per group, the longest 40 columns (less on a narrow console), scaled to the largest value.
    private static func chart(_ title: String, _ rows: [MetricsRow], _ value: (MetricsRow) -> Int, _ text: (MetricsRow) -> String, _ c: Console) {
        let top = rows.map(value).max() ?? 0
        guard top > 0 else { return }
        c.print()
        c.print(title)
        let labelWidth = min(23, rows.map { DisplayWidth.of(safe($0.label)) }.max() ?? 0)
        let textWidth = rows.map { DisplayWidth.of(text($0)) }.max() ?? 0
        let width = max(10, min(40, (c.width ?? .max) - labelWidth - textWidth - 2))
        for r in rows {
            let cells = Int((Double(value(r)) / Double(top) * Double(width)).rounded())
            let bar = String(repeating: "#", count: value(r) > 0 ? max(1, cells) : 0)
            c.print(pad(safe(r.label), labelWidth) + " " + pad(bar, width) + " " + text(r))
        }
    }
}
