import Foundation
import EscalationKit

/// The reports: seed 000's weekly summary, and seed 003's metrics by tier, category or segment,
/// as tables with small bar charts; stalls and breaches carry their roles.
enum ReportsView {
    static func draw(_ sheet: ReportsSheet, state: BoardState, into grid: inout ScreenGrid) {
        let width = grid.size.width
        var tabs: [Span] = [Span("Reports  ", .columnTitle)]
        for (i, page) in ReportsSheet.Page.allCases.enumerated() {
            tabs.append(Span("\(i + 1) \(page.title)", page == sheet.page ? .selected : .dim))
            tabs.append(Span("  "))
        }
        grid.put(tabs, row: 1, column: 1, limit: width - 2)
        let lines = self.lines(sheet, state: state)
        SheetView.drawScrolled(lines, from: sheet.scroll, state: state, into: &grid)
    }

    static func maxScroll(_ state: BoardState, sheet: ReportsSheet) -> Int {
        max(0, lines(sheet, state: state).count - BoardLayout(size: state.size).bodyHeight)
    }

    static func lines(_ sheet: ReportsSheet, state: BoardState) -> [[Span]] {
        guard let archived = sheet.archived else {
            return [[Span("Reading the archive: the reports count archived escalations too, as `escalator metrics` does"
                          + (state.unicode ? "…" : "..."), .dim)]]
        }
        // The board's escalations and the archive's, each once (a compaction may have moved one since).
        var all = Array(state.ledger.escalations.values)
        all.reserveCapacity(all.count + archived.count)
        for e in archived where state.ledger[e.id] == nil { all.append(e) }
        if let why = sheet.archiveError {
            return [[Span("The archive could not be read (\(why)); these figures leave archived escalations out.", .error)], []]
                + figures(sheet, all, state: state)
        }
        return figures(sheet, all, state: state)
    }

    private static func figures(_ sheet: ReportsSheet, _ all: [Escalation], state: BoardState) -> [[Span]] {
        if let grouping = sheet.page.grouping {
            let today = CalendarDay(state.now, in: state.policy.calendar.timeZone)
            let report = MetricsReport(all, from: today.adding(days: -29)...today, by: grouping, at: state.now, policy: state.policy)
            return metricsLines(report, width: state.size.width - 4, unicode: state.unicode)
        }
        return weeklyLines(WeeklySummary(all, at: state.now, policy: state.policy), state: state)
    }

    // MARK: weekly summary

    static func weeklyLines(_ w: WeeklySummary, state: BoardState) -> [[Span]] {
        let width = state.size.width - 4
        var out: [[Span]] = []
        out.append([Span("Week ending \(w.reportDate)", .columnTitle), Span("  (the 7 days to today)", .dim)])
        out.append([Span("Active ", .dim), Span("\(w.activeEscalations)", .columnTitle),
                    Span("   New ", .dim), Span("\(w.newThisWeek)", .columnTitle),
                    Span("   Resolved ", .dim), Span("\(w.resolvedThisWeek)", .columnTitle),
                    Span("   Stalled ", .dim), Span("\(w.stalled) (\(w.trends.stallRate))", w.stalled > 0 ? .breached : .columnTitle),
                    Span("   Avg resolved in ", .dim),
                    Span(w.averageResolutionTimeDays.map { String(format: "%.1f days", $0) } ?? "—", .columnTitle)])
        out.append([Span("Most common category ", .dim),
                    Span(w.trends.mostCommonCategory.flatMap { Category(rawValue: $0)?.label } ?? "—"),
                    Span("   Avg time to ack ", .dim), Span(w.trends.avgTimeToAcknowledge ?? "—")])
        out.append([])

        let open = w.escalations.filter { $0.status != Status.resolved.rawValue && $0.status != Status.closed.rawValue }
        out.append([Span("Open by severity", .columnTitle)])
        let counts = Severity.allCases.map { s in (s, open.filter { $0.severity == s.rawValue }.count) }
        let top = counts.map(\.1).max() ?? 0
        for (severity, count) in counts {
            out.append([Span(CellText.padded(severity.label, columns: 10), SheetView.role(severity))]
                       + bar(count, of: top, width: min(40, width - 20), unicode: state.unicode, role: SheetView.role(severity))
                       + [Span(" \(count)")])
        }
        out.append([])

        // The escalations: stalled status and breached clocks highlighted.
        let byID = Dictionary(state.ledger.escalations.values.map { ($0.id.description, $0) }, uniquingKeysWith: { a, _ in a })
        let clocks = Clocks(policy: state.policy)
        let showNext = width >= 96
        let fixed = 14 + 2 + 13 + 5 + 11 + 10 + (showNext ? 12 : 0)
        let accountWidth = max(8, width - fixed)
        out.append([Span("Escalations (\(w.escalations.count))", .columnTitle),
                    Span("  red id: an SLA clock breached · red status: stalled", .dim)])
        var header = CellText.padded("ID", columns: 14) + "S " + CellText.padded("Account", columns: accountWidth)
            + CellText.padded("Status", columns: 13) + pad("Days", 4) + " " + CellText.padded("Owner", columns: 11) + pad("ARR", 9)
        if showNext { header += "  Next update" }
        out.append([Span(header, .dim)])
        for item in w.escalations {
            let e = byID[item.id]
            let breached = e.flatMap { clocks.mostUrgent($0, at: state.now) }.map { $0.state == .breached } ?? false
            let severity = Severity(rawValue: item.severity) ?? .medium
            let statusLabel = Status(rawValue: item.status)?.label ?? item.status
            var line: [Span] = [
                Span(CellText.padded(item.id, columns: 14), breached ? .breached : .normal),
                Span(String(severity.letter) + " ", SheetView.role(severity)),
                Span(CellText.padded(item.account, columns: accountWidth, unicode: state.unicode)),
                Span(CellText.padded(statusLabel, columns: 13), item.status == Status.stalled.rawValue ? .breached : .normal),
                Span(pad("\(item.daysOpen)", 4) + " "),
                Span(CellText.padded(item.owner ?? "unowned", columns: 11, unicode: state.unicode), item.owner == nil ? .dim : .normal),
                Span(pad(Money(item.arrAtRisk, e?.account.arr.currency ?? "EUR").short, 9)),
            ]
            if showNext { line.append(Span("  " + (item.nextUpdateDue ?? "—"), .dim)) }
            out.append(line)
        }
        if w.escalations.isEmpty { out.append([Span("No active or recently resolved escalations.", .dim)]) }
        return out
    }

    // MARK: metrics

    static func metricsLines(_ report: MetricsReport, width: Int, unicode: Bool) -> [[Span]] {
        var out: [[Span]] = []
        out.append([Span("Escalations created \(report.start) to \(report.end), by \(report.groupedBy.rawValue): ", .columnTitle),
                    Span("\(report.total.count) escalation\(report.total.count == 1 ? "" : "s")")])
        out.append([])
        // The numbers take 58 columns; the group names give up what an 80-column terminal lacks.
        let label = max(10, min(22, width - 58))
        out.append([Span(CellText.padded("Group", columns: label) + pad("Count", 6) + pad("MTTR", 8) + pad("TTA", 8)
                         + pad("Ack SLA", 8) + pad("Res SLA", 8) + pad("Stall", 7) + pad("ARR at risk", 13), .dim)])
        func row(_ r: MetricsRow, total: Bool) -> [Span] {
            func sla(_ x: Double?) -> Span {
                Span(pad(x.map { "\(Int($0.rounded()))%" } ?? "—", 8), (x ?? 100) < 100 ? .breached : .normal)
            }
            return [Span(CellText.padded(r.label, columns: label, unicode: unicode), total ? .columnTitle : .normal),
                    Span(pad("\(r.count)", 6)),
                    Span(pad(hours(r.meanTimeToResolutionHours), 8)), Span(pad(hours(r.meanTimeToAcknowledgeHours), 8)),
                    sla(r.acknowledgeSLAPercent), sla(r.resolveSLAPercent),
                    Span(pad("\(Int(r.stallRate.rounded()))%", 7), r.stallRate > 0 ? .warning : .normal),
                    Span(pad(Money(r.arrAtRisk, report.currency).short, 13))]
        }
        out += report.groups.map { row($0, total: false) }
        out.append(row(report.total, total: true))
        out.append([Span("red: SLA compliance under 100% · yellow: escalations that stalled", .dim)])

        let barWidth = max(10, min(50, width - label - 18))
        func chart(_ title: String, _ value: (MetricsRow) -> Int, _ text: (MetricsRow) -> String, role: (MetricsRow) -> Role) {
            let top = report.groups.map(value).max() ?? 0
            out.append([])
            out.append([Span(title, .columnTitle)])
            for r in report.groups {
                out.append([Span(CellText.padded(r.label, columns: label - 1, unicode: unicode) + " ")]
                           + bar(value(r), of: top, width: barWidth, unicode: unicode, role: role(r)) + [Span(" " + text(r))])
            }
        }
        chart("Escalations by \(report.groupedBy.rawValue)", \.count, { "\($0.count) (\(Int($0.escalationRate.rounded()))%)" },
              role: { $0.stallRate > 0 ? .warning : .header })
        chart("ARR at risk by \(report.groupedBy.rawValue)", \.arrAtRisk, { Money($0.arrAtRisk, report.currency).short },
              role: { _ in .high })
        if report.groups.isEmpty { out.append([Span("No escalations created in these 30 days.", .dim)]) }
        return out
    }

    /// A bar of `width` cells at most, proportional to `value / top`; a non-zero value shows at least one cell.
    static func bar(_ value: Int, of top: Int, width: Int, unicode: Bool, role: Role) -> [Span] {
        let cells = top == 0 ? 0 : (value > 0 ? max(1, Int((Double(value) / Double(top) * Double(width)).rounded())) : 0)
        return [Span(String(repeating: unicode ? "█" : "#", count: cells), role),
                Span(String(repeating: " ", count: max(0, width - cells)))]
    }

    static func hours(_ h: Double?) -> String {
        guard let h else { return "—" }
        return h >= 48 ? String(format: "%.1fd", h / 24) : String(format: "%.1fh", h)
    }

    static func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - DisplayWidth.of(s))) + s }
}
