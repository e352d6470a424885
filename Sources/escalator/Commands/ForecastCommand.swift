import ArgumentParser
import EscalationKit
import Foundation

/// The CS lead's morning list: what will breach, stall or owe an update soon, and whom to nudge.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "List what will breach, stall or owe an update soon, soonest first, with whom to nudge.",
        discussion: "The window counts business time on the team's calendar: 8h is the next eight working hours. What has already breached is listed first."
    )

    @Option(help: ArgumentHelp("How far ahead, in business time: 30m, 4h, 2d, 1w.", valueName: "duration"))
    var within: String = "8h"
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    struct Item: Encodable {
        var id: String
        var account: String
        var severity: String
        var status: String
        var clock: String
        var deadline: Date
        var breached: Bool
        var nudge: String
        var why: String
    }

    struct Report: Encodable {
        var now: Date
        var until: Date
        var items: [Item]
    }

    func run() throws {
        try reporting {
            guard let window = SLATarget(within) else {
                throw Failure.badInput("--within takes a duration such as 30m, 4h, 2d or 1w, not \"\(safe(within))\".")
            }
            let session = try Session.open(storeOptions)
            let now = session.now
            let until = BusinessTime.deadline(from: now, adding: window, basis: .business, calendar: session.policy.calendar)
            var items: [Item] = []
            for e in session.store.ledger.escalations.values where e.isOpen {
                let status = session.clocks.status(of: e, at: now)
                for r in session.clocks.read(e, at: now) where r.isLive && r.deadline <= until {
                    items.append(Item(id: e.id.description, account: e.account.name, severity: e.severity.rawValue, status: status.rawValue,
                                      clock: r.kind.rawValue, deadline: r.deadline, breached: r.deadline <= now,
                                      nudge: nudge(e, r, session), why: why(r)))
                }
            }
            items.sort { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            if json {
                try JSONOutput.print(Report(now: now, until: until, items: items))
                return
            }
            let c = session.console
            if items.isEmpty {
                c.print("Nothing breaches, stalls or owes an update before \(ShowCommand.local(until, session)).")
                return
            }
            c.print(c.paint("Forecast until \(ShowCommand.local(until, session)) (\(window.phrase(.business)))", .bold))
            var table = Table([Table.Column(header: "ID"), Table.Column(header: "S"), Table.Column(header: "ACCOUNT", shrinks: true, minimum: 10),
                               Table.Column(header: "WHAT"), Table.Column(header: "WHEN"), Table.Column(header: "NUDGE", shrinks: true, minimum: 10)])
            for item in items {
                let tone: Console.Tone? = item.breached ? .red : nil
                table.add([Table.Cell(item.id, tone), Table.Cell(String(Severity(rawValue: item.severity)!.letter), tone),
                           Table.Cell(safe(item.account), tone), Table.Cell(item.why, tone),
                           Table.Cell(DurationText.relative(item.deadline, from: now), tone), Table.Cell(safe(item.nudge), tone)])
            }
            table.print(c)
            c.print(c.paint("\(items.filter(\.breached).count) already breached, \(items.filter { !$0.breached }.count) coming due", .dim))
        }
    }

    private func why(_ r: ClockReading) -> String {
        switch r.kind {
        case .acknowledge: "acknowledgement"
        case .resolve: "resolution"
        case .internalUpdate: "internal update"
        case .customerUpdate: "customer update"
        case .stall: "stalls"
        }
    }

    /// Whom to chase: the owner for work, the team for an unacknowledged escalation, the CSM for the customer.
    private func nudge(_ e: Escalation, _ r: ClockReading, _ session: Session) -> String {
        let team = session.policy.teams[e.team]
        switch r.kind {
        case .acknowledge:
            return team.map { $0.lead.isEmpty ? $0.name : "\($0.lead) (\($0.name))" } ?? e.team
        case .customerUpdate:
            return e.reporter
        default:
            return e.owner ?? team?.name ?? e.team
        }
    }
}
