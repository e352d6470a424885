import Foundation
import EscalationKit

/// One escalation in full: facts, clocks, the brief and the history, scrollable.
public enum DetailView {
    static func draw(_ state: BoardState, id: EscalationID, into grid: inout ScreenGrid) {
        let layout = BoardLayout(size: state.size)
        let width = grid.size.width
        guard let e = state.ledger[id] else { return }
        let title = [Span(e.id.description, .selected), Span("  "), Span(e.account.name, .columnTitle), Span("  "), Span(e.title)]
        grid.put(title, row: 1, column: 1, limit: width - 2)
        let lines = self.lines(for: e, state: state, width: width - 4)
        let visible = layout.bodyHeight
        let top = min(state.detailScroll, maxScroll(lineCount: lines.count, visible: visible))
        for (i, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            grid.put(line, row: layout.bodyTop + i, column: 2, limit: width - 4)
        }
        if top + visible < lines.count {
            let more = "\(Symbols(unicode: state.unicode).down) \(lines.count - top - visible) more"
            grid.put(more, row: layout.bodyTop + visible - 1, column: width - DisplayWidth.of(more) - 2, role: .dim)
        }
    }

    static func maxScroll(lineCount: Int, visible: Int) -> Int { max(0, lineCount - visible) }

    /// How far the detail of `id` can scroll at the state's size.
    public static func maxScroll(_ state: BoardState, id: EscalationID) -> Int {
        guard let e = state.ledger[id] else { return 0 }
        let count = lines(for: e, state: state, width: state.size.width - 4).count
        return maxScroll(lineCount: count, visible: BoardLayout(size: state.size).bodyHeight)
    }

    /// The content, already wrapped to `width`.
    static func lines(for e: Escalation, state: BoardState, width: Int) -> [[Span]] {
        let clocks = Clocks(policy: state.policy)
        let zone = state.policy.calendar.timeZone
        var out: [[Span]] = []
        func section(_ name: String) {
            if !out.isEmpty { out.append([]) }
            out.append([Span(name, .columnTitle)])
        }
        func field(_ label: String, _ value: String, _ role: Role = .normal) {
            let pad = CellText.padded(label, columns: 17)
            let wrapped = Wrap.lines(SafeText.neutralized(value), width: max(10, width - 17))
            for (i, part) in wrapped.enumerated() {
                out.append([Span(i == 0 ? pad : String(repeating: " ", count: 17), .dim), Span(part, role)])
            }
        }
        func paragraph(_ text: String) {
            for part in Wrap.lines(SafeText.neutralized(text), width: width) { out.append([Span(part)]) }
        }

        let status = clocks.status(of: e, at: state.now)
        let card = CardFacts(e, policy: state.policy, now: state.now)
        section("Escalation")
        field("Status", status.label, status == .stalled ? .breached : .normal)
        field("Severity", "\(e.severity.letter) \(e.severity.label)" + (e.severityOverrideReason.map { " (override: \($0))" } ?? ""), card.severityRole)
        field("Tier", "\(e.tier)")
        field("Category", e.category.label)
        field("Team", e.team)
        field("Owner", e.owner.map { state.policy.people.person(forOwner: $0)?.label ?? $0 } ?? "unowned", e.owner == nil ? .dim : .normal)
        field("Account", "\(e.account.name) · \(e.account.arr.short) ARR · \(e.account.segment.label)"
            + (e.account.renewal.map { " · renewal \($0)" } ?? ""))
        field("Opened", "\(HeaderView.timeText(e.createdAt, zone: zone)) by \(e.reporter) (\(card.age) ago)")
        if let pattern = e.pattern { field("Pattern", pattern) }
        if !card.flags.isEmpty { field("Flags", card.flags.map(\.rawValue).joined(separator: " "), .warning) }
        // Where the chain stands by the clock, then who the outbox says was told (as `show` lists them).
        if card.chainLevel != nil, let step = ChainSchedule(policy: state.policy).reached(by: e, at: state.now) {
            field("Re-escalated", "to \(step.label): \(step.names), since \(HeaderView.timeText(step.at, zone: zone))", .warning)
        }
        for notice in state.chainNotices[e.id] ?? [] {
            field("Notified", "\(HeaderView.timeText(notice.queued, zone: zone))  \(notice.level)" + (notice.delivered ? "" : " (not delivered yet)"),
                  notice.delivered ? .normal : .dim)
        }

        section("Clocks")
        for reading in clocks.read(e, at: state.now) {
            let remaining = reading.remaining(at: state.now)
            let when: String
            let role: Role
            switch reading.state {
            case .running:
                when = "due in \(DurationText.short(remaining))"
                role = (reading.warning ?? 0) >= 0.75 ? .warning : .normal
            case .breached:
                when = reading.stoppedAt == nil ? "breached \(DurationText.short(remaining)) ago" : "missed"
                role = .breached
            case .met: when = "met"; role = .dim
            case .paused: when = reading.pausedByWait ? "paused while waiting" : "paused"; role = .dim
            }
            field(reading.kind.label, "\(when) · \(reading.rule)", role)
        }
        for wait in clocks.waitIntervals(of: e) {
            field("Waiting", WaitText.line(wait, at: state.now, policy: state.policy), wait.contains(state.now) ? .warning : .dim)
        }

        section("Brief")
        let brief = e.brief
        field("Impact", brief.impact.isEmpty ? "—" : brief.impact)
        field("Description", brief.description.isEmpty ? "—" : brief.description)
        field("Ask", brief.ask.text.isEmpty ? "no specific ask yet" : (brief.ask.kind.map { "\($0.rawValue): " } ?? "") + brief.ask.text,
              brief.ask.text.isEmpty ? .warning : .normal)
        if let deadline = brief.ask.deadline { field("Ask deadline", HeaderView.timeText(deadline, zone: zone)) }
        field("Customer", brief.communication.lastUpdate.isEmpty ? "not told yet" : brief.communication.lastUpdate,
              brief.communication.lastUpdate.isEmpty ? .warning : .normal)
        for attempt in brief.attempts { field("Tried", "\(attempt.step) → \(attempt.result)") }
        if !brief.commercialContext.isEmpty { field("Commercial", brief.commercialContext) }
        if let resolution = e.resolution { field("Resolution", resolution) }

        section("History")
        for entry in e.history.reversed() {
            let line = "\(HeaderView.timeText(entry.time, zone: zone))  \(entry.who): \(ChangeText.summary(entry.change, people: state.policy.people))"
            paragraph(line)
        }
        return out
    }
}
