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
    @Option(help: "Only this owner's escalations (case-insensitive).") var owner: String?
    @Flag(help: "Only escalations with a clock past its deadline.") var breaching = false
    @Flag(help: "Every escalation, the archive included.") var all = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let now = session.now
            var pool = Array(session.store.ledger.escalations.values)
            if all {
                pool += try session.store.loadArchive()
            } else {
                let cutoff = now.addingTimeInterval(-Double(session.policy.recentlyClosedDays) * 86400)
                pool = pool.filter { $0.status != .closed || ($0.closedAt ?? now) >= cutoff }
            }
            let policy = session.policy
            let escalations = pool
            let attentions = parallelMap(escalations) { Attention($0, at: now, policy: policy) }
            // Sort keys computed once per row, not once per comparison.
            var order = escalations.indices.filter { matches(escalations[$0], attentions[$0]) }
            let urgency = attentions.map { $0.urgency(at: now) }
            order.sort { l, r in
                if attentions[l].status != attentions[r].status { return attentions[l].status < attentions[r].status }
                if urgency[l] != urgency[r] { return urgency[l] < urgency[r] }
                // Ties (e.g. deadlines at the same end of day) by id: the store's order is a dictionary's.
                return escalations[l].id < escalations[r].id
            }
            if json {
                JSONOutput.printArray(parallelMap(order) { EscalationSummary(escalations[$0], attention: attentions[$0], at: now) })
                return
            }
            let rows = order.map { (escalations[$0], attentions[$0]) }
            printTable(rows, session: session)
        }
    }

    private func matches(_ e: Escalation, _ a: Attention) -> Bool {
        if let status, a.status != status { return false }
        if let severity, e.severity != severity { return false }
        if let category, e.category != category { return false }
        if let owner, e.owner?.lowercased() != owner.lowercased() { return false }
        return !breaching || a.breached
    }

    private func printTable(_ rows: [(Escalation, Attention)], session: Session) {
        let c = session.console
        guard !rows.isEmpty else {
            c.print("No escalations match." + (all ? "" : " (`--all` includes the archive.)"))
            return
        }
        // ESC-2026-0042 and a space; wider when a year has more than 9,999 escalations.
        let idWidth = max(13, rows.lazy.map(\.0.id.description.count).max() ?? 13) + 1
        c.print(c.paint(pad("ID", idWidth) + pad("S", 2) + pad("STATUS", 12) + pad("ACCOUNT", 16) + pad("ARR", 9) + pad("OWNER", 10) + "NEXT", .bold))
        for (e, a) in rows {
            let next = a.mostUrgent.map { DurationText.clock($0, at: session.now) } ?? ""
            let nextText = a.breached ? c.paint(next, .red) : a.breachWarning ? c.paint(next, .yellow) : next
            c.print(pad(e.id.description, idWidth) + c.paint(String(e.severity.letter), c.tone(for: e.severity)) + " "
                + pad(a.status.label, 12) + pad(safe(e.account.name), 15) + " " + pad(e.account.arr.short, 9)
                + pad(safe(e.owner ?? "—"), 9) + " " + nextText)
        }
        c.print(c.paint("\(rows.count) escalation\(rows.count == 1 ? "" : "s")", .dim))
    }
}

extension Status: ExpressibleByArgument {}
