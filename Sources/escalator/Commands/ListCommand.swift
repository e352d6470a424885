import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation

/// The escalations that matter now: open ones and those closed recently, most urgent first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List escalations: the open ones and those closed in the last 14 days.",
        discussion: "Statuses are read from the clocks at the moment you list: an escalation whose stall clock ran out shows as stalled."
    )

    @Option(help: "open (not yet resolved, as the board counts it), routed, acknowledged, in_progress, stalled, resolved or closed.") var status: StatusFilter?
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
        if let status, !status.admits(a.status) { return false }
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
        var table = Table([Table.Column(header: "ID"), Table.Column(header: "S"), Table.Column(header: "STATUS"),
                           Table.Column(header: "ACCOUNT", shrinks: true, minimum: 8), Table.Column(header: "ARR", align: .right),
                           Table.Column(header: "OWNER", shrinks: true, minimum: 5), Table.Column(header: "NEXT"),
                           Table.Column(header: "TITLE", shrinks: true, minimum: 8)])
        for e in rows {
            let a = e.attention
            let next = a.mostUrgent.map { DurationText.clock($0, at: session.now) } ?? ""
            table.add([Table.Cell(e.id.description), Table.Cell(String(e.severity.letter), c.tone(for: e.severity)),
                       Table.Cell(a.status.label), Table.Cell(safe(e.account.name)), Table.Cell(e.account.arr.short),
                       Table.Cell(safe(session.ownerName(e.owner) ?? "—")), Table.Cell(next, a.breached ? .red : a.breachWarning ? .yellow : nil),
                       Table.Cell(safe(e.title))])
        }
        table.print(c)
        c.print(c.paint("\(rows.count) escalation\(rows.count == 1 ? "" : "s")", .dim))
    }
}

extension Status: ExpressibleByArgument {}

/// What `--status` takes: one status, or `open`, every status before resolved (the board's "18 open").
enum StatusFilter: ExpressibleByArgument {
    case open
    case exactly(Status)

    init?(argument: String) {
        if argument == "open" { self = .open } else if let status = Status(rawValue: argument) { self = .exactly(status) } else { return nil }
    }

    static var allValueStrings: [String] { ["open"] + Status.allCases.map(\.rawValue) }

    func admits(_ status: Status) -> Bool {
        switch self {
        case .open: status.isActive
        case .exactly(let wanted): status == wanted
        }
    }
}
