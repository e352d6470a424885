import ArgumentParser
import EscalationKit
import Foundation

/// Reopens a closed escalation as a new escalation linked to it; the closed one stays as it was.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a closed escalation as a new, linked one; prints the new id.",
        discussion: "A resolved escalation that is not fixed after all moves back with `escalator back ID --reason …` instead."
    )

    @Argument(help: "The closed escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "Why it is reopened.") var reason: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            let closed = try session.escalation(id)
            let event: Event
            if session.store.ledger[closed.id] != nil {
                event = try session.commit(.reopen(reason: reason), on: id)
            } else {
                // Archived: the ledger no longer holds it, so the new escalation is drafted from the archive's copy.
                let draft = try Lifecycle(policy: session.policy).reopenDraft(of: closed, reason: reason)
                event = try session.commit(.create(draft), on: nil)
            }
            if options.json {
                try reportChange(event, in: session, json: true)
            } else {
                print(event.escalation)
            }
        }
    }
}
