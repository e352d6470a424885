extension MetricsReport {
    /// The metrics as a plain-text table that fits 80 columns, followed by two small bar charts
    /// (escalations per group, ARR at risk per group) drawn with `#`, so they survive any terminal.
    ///
    ///     Escalation metrics 2026-03-01 to 2026-03-31, by category: 4 escalations
    ///
    ///     Group                   Count   MTTR    TTA Ack SLA Res SLA  Stall ARR at risk
    ///     Product defect              3  36.0h   2.0h    100%     50%    33%    EUR 135k
    ///
    /// Columns: count, mean time to resolution, mean time to acknowledge, acknowledge and resolve SLA
    /// compliance, stall rate, ARR at risk; "—" where there is nothing to measure. The group's share
    /// of all escalations is in the first chart.
    public var table: String {
        let labelWidth = 23
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? String(s.prefix(w)) : s + String(repeating: " ", count: w - s.count) }
        func right(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
        func pct(_ x: Double?) -> String { x.map { "\(Int($0.rounded()))%" } ?? "—" }
        func hours(_ x: Double?) -> String { x.map { ReportTime.compact(hours: $0) } ?? "—" }
        func money(_ n: Int) -> String { Money(n, currency).short }
        func line(_ r: MetricsRow) -> String {
            pad(r.label, labelWidth) + right(String(r.count), 6)
                + right(hours(r.meanTimeToResolutionHours), 7) + right(hours(r.meanTimeToAcknowledgeHours), 7)
                + right(pct(r.acknowledgeSLAPercent), 8) + right(pct(r.resolveSLAPercent), 8)
                + right(pct(r.stallRate), 7) + right(money(r.arrAtRisk), 12)
        }
        var out = ["Escalation metrics \(start) to \(end), by \(groupedBy.rawValue): \(ReportTime.count(total.count, "escalation"))", ""]
        out.append(pad("Group", labelWidth) + right("Count", 6) + right("MTTR", 7) + right("TTA", 7)
                   + right("Ack SLA", 8) + right("Res SLA", 8) + right("Stall", 7) + right("ARR at risk", 12))
        out += groups.map(line)
        out.append(line(total))
        if total.waited > 0 {
            out += ["", "Time spent waiting (the clocks stop, so it is not counted against the SLA):"]
            for r in groups where r.waited > 0 {
                out.append(pad(r.label, labelWidth) + right(String(r.waited), 6) + " waited, " + hours(r.timeWaitingHours) + " in all")
            }
        }
        func chart(_ title: String, _ value: (MetricsRow) -> Int, _ text: (MetricsRow) -> String) {
            let top = groups.map(value).max() ?? 0
            guard top > 0 else { return }
            let width = 40
            out += ["", title]
            for r in groups {
                let cells = Int((Double(value(r)) / Double(top) * Double(width)).rounded())
                let bar = String(repeating: "#", count: value(r) > 0 ? max(1, cells) : 0)
                out.append(pad(r.label, labelWidth) + " " + pad(bar, width) + " " + text(r))
            }
        }
        chart("Escalations by \(groupedBy.rawValue)", \.count) { "\($0.count) (\(pct($0.escalationRate)))" }
        chart("ARR at risk by \(groupedBy.rawValue)", \.arrAtRisk) { money($0.arrAtRisk) }
        return out.joined(separator: "\n") + "\n"
    }
}
