import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// The escalation metrics over a date range, grouped by tier, category, segment or severity.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Escalation metrics over a date range: count, time to acknowledge and resolve, SLA compliance, stall rate, ARR at risk.",
        discussion: "The range covers escalations opened between --from and --to, inclusive (default: the last 30 days)."
    )

    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD.") var to: String?
    @Option(help: "tier, category, segment or severity.") var by: MetricsGrouping = .category
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let zone = session.policy.calendar.timeZone
            let today = CalendarDay(session.now, in: zone)
            func day(_ text: String?, _ name: String, _ fallback: CalendarDay) throws -> CalendarDay {
                guard let text else { return fallback }
                return try accepted(ISOTime.day(text, named: "--\(name)"))
            }
            let end = try day(to, "to", today)
            let start = try day(from, "from", end.adding(days: -29))
            guard start <= end else { throw Failure.badInput("--from (\(start)) is after --to (\(end)).") }
            // In id order: a figure taken from the first escalation of an account (its ARR) is then the
            // same in every run and on every store, not whatever order a dictionary gives.
            let all = (Array(session.store.ledger.escalations.values) + (try session.store.loadArchive())).sorted { $0.id < $1.id }
            let report = MetricsReport(all, from: start...end, by: by, at: session.now, policy: session.policy)
            if json { try JSONOutput.print(report) } else { MetricsText.print(report, session.console) }
        }
    }
}

extension MetricsGrouping: ExpressibleByArgument {}
