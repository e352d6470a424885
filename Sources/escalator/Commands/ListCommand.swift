import ArgumentParser
import EscalationKit
import Foundation

/// The escalations that matter now: open ones and those closed recently, most urgent first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List escalations: the open ones and those closed in the last 14 days.",
        discussion: "Statuses are read from the clocks at the moment you list: an escalation whose stall clock ran out shows as stalled."
    )

    @Option(help: "routed, acknowledged, in_progress, stalled, resolved or closed.") var status: Status?
    @Option(help: "critical, high or medium.") var severity: Severity?
    @Option(help: "A category key, e.g. product_defect.") var category: Category?
    @Option(help: "Only these owners' escalations: a login or any part of a name (case and accents ignored).") var owner: String?
    @Flag(help: "Only escalations with a clock past its deadline.") var breaching = false
    @Flag(help: "Every escalation, the archive included.") var all = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let now = session.now
            // One pass, one copy of each escalation kept (an escalation is a large value).
            let ledger = session.store.ledger
            let cutoff = now.addingTimeInterval(-Double(session.policy.recentlyClosedDays) * 86400)
            var pool: [Escalation] = []
            pool.reserveCapacity(ledger.escalations.count)
            for e in ledger.escalations.values where all || e.status != .closed || (e.closedAt ?? now) >= cutoff {
                pool.append(e)
            }
            let policy = session.policy
            let live = pool
            let attentions = parallelMap(live) { Attention($0, at: now, policy: policy) }
            var rows = live.indices.map { ListRow(live[$0], attention: attentions[$0]) }
            if all { rows += try archivedRows(session) }
            // Sort keys computed once per row, not once per comparison.
            let roster = session.policy.people
            var order = rows.indices.filter { matches(rows[$0], roster: roster) }
            let urgency = rows.map { $0.attention.urgency(at: now) }
            order.sort { l, r in
                if rows[l].attention.status != rows[r].attention.status { return rows[l].attention.status < rows[r].attention.status }
                if urgency[l] != urgency[r] { return urgency[l] < urgency[r] }
                // Ties (e.g. deadlines at the same end of day) by id: the store's order is a dictionary's.
                return rows[l].id < rows[r].id
            }
            if json {
                let rows = rows
                JSONOutput.printArray(parallelMap(order) { EscalationSummary(rows[$0], at: now) })
                return
            }
            printTable(order.map { rows[$0] }, session: session)
        }
    }

    /// The archive's rows, from its summaries: a closed escalation's row needs no history. Anything
    /// else found there (the archive holds closed ones only) is read whole and its clocks read.
    private func archivedRows(_ session: Session) throws -> [ListRow] {
        try session.store.loadArchiveSummaries().compactMap { summary in
            if summary.status == .closed { return ListRow(closed: summary) }
            guard let e = try session.store.archivedEscalation(summary.id) else { return nil }
            return ListRow(e, attention: Attention(e, at: session.now, policy: session.policy))
        }
    }

    private func matches(_ row: ListRow, roster: Roster) -> Bool {
        let a = row.attention
        if let status, a.status != status { return false }
        if let severity, row.severity != severity { return false }
        if let category, row.category != category { return false }
        if let owner, !(row.owner.map { OwnerMatch.matches(owner, owner: $0, roster: roster) } ?? false) { return false }
        return !breaching || a.breached
    }

    private func printTable(_ rows: [ListRow], session: Session) {
        let c = session.console
        guard !rows.isEmpty else {
            c.print("No escalations match." + (all ? "" : " (`--all` includes the archive.)"))
            return
        }
        // ESC-2026-0042 and a space; wider when a year has more than 9,999 escalations.
        let idWidth = max(13, rows.lazy.map(\.id.description.count).max() ?? 13) + 1
        c.print(c.paint(pad("ID", idWidth) + pad("S", 2) + pad("STATUS", 12) + pad("ACCOUNT", 16) + pad("ARR", 9) + pad("OWNER", 10) + "NEXT", .bold))
        for e in rows {
            let a = e.attention
            let next = a.mostUrgent.map { DurationText.clock($0, at: session.now) } ?? ""
            let nextText = a.breached ? c.paint(next, .red) : a.breachWarning ? c.paint(next, .yellow) : next
            c.print(pad(e.id.description, idWidth) + c.paint(String(e.severity.letter), c.tone(for: e.severity)) + " "
                + pad(a.status.label, 12) + pad(safe(e.account.name), 15) + " " + pad(e.account.arr.short, 9)
                + pad(safe(session.ownerName(e.owner) ?? "—"), 9) + " " + nextText)
        }
        c.print(c.paint("\(rows.count) escalation\(rows.count == 1 ? "" : "s")", .dim))
    }
}

extension Status: ExpressibleByArgument {}
