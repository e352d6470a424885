import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// Reports for CS leadership.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Reports for CS leadership.", subcommands: [Weekly.self])

    /// The weekly summary for CS leadership, with fixed keys and formats.
    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "The weekly summary for CS leadership, as JSON in a fixed shape.",
            discussion: "The week is the seven days ending on --date (default: today), in the team calendar's time zone."
        )

        @Option(help: "The report date, YYYY-MM-DD (default: today).") var date: String?
        @Flag(help: "Print JSON (the weekly summary is always JSON; accepted so that every data command takes it).") var json = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reporting {
                let session = try Session.open(storeOptions)
                var now = session.now
                if let date {
                    let day = try accepted(ISOTime.day(date, named: "--date"))
                    // The end of the report day, so everything that happened on it counts.
                    now = day.adding(days: 1).start(in: session.policy.calendar.timeZone).addingTimeInterval(-1)
                }
                // In id order: a figure taken from the first escalation of an account (its ARR) is then the
                // same in every run and on every store, not whatever order a dictionary gives.
                let all = (Array(session.store.ledger.escalations.values) + (try session.store.loadArchive())).sorted { $0.id < $1.id }
                print(WeeklySummary(all, at: now, policy: session.policy).json)
            }
        }
    }
}
