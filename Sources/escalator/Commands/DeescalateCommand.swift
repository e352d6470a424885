import ArgumentParser
import EscalationKit
import Foundation

/// Records what is known about the fix and prints the de-escalation recommendation.
struct DeescalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deescalate",
        abstract: "Record root cause, fix, customer confirmation and monitoring, and get the de-escalation recommendation.",
        discussion: "Without options, prints the recommendation from what was recorded before and changes nothing."
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(name: .customLong("root-cause"), help: "The root cause found.") var rootCause: String?
    @Option(help: "The fix applied.") var fix: String?
    @Flag(name: .customLong("customer-confirmed"), help: "The customer confirmed the fix.") var customerConfirmed = false
    @Flag(name: .customLong("monitoring-complete"), help: "The monitoring period is complete.") var monitoringComplete = false
    @Option(help: "What was learned, for next time.") var learning: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions, focus: id)
            var e = try session.escalation(id)
            let changes = rootCause != nil || fix != nil || customerConfirmed || monitoringComplete || learning != nil
            if changes {
                var record = e.deescalation ?? Deescalation()
                if let rootCause { record.rootCause = rootCause }
                if let fix { record.fixApplied = fix }
                if customerConfirmed { record.customerConfirmed = true }
                if monitoringComplete { record.monitoringComplete = true }
                if let learning { record.learning = learning }
                let event = try session.commit(.deescalate(record), on: id)
                e = session.store.ledger[event.escalation] ?? e
            }
            let advice = DeescalationAdvice(for: e, record: e.deescalation, at: session.now, policy: session.policy)
            if json { try JSONOutput.print(advice) } else { print(safeBlock(advice.text)) }
        }
    }
}
