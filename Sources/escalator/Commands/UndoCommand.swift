import ArgumentParser
import EscalationKit
import Foundation

/// Undoes your own latest change to an escalation with a compensating event; the trail keeps both.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo your own latest change to an escalation (recorded as a new event).",
        discussion: "Only the escalation's latest change can be undone, and only by the person who made it; creating an escalation cannot be undone."
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            let e = try session.escalation(id)
            guard let mine = e.history.last(where: { entry in
                if case .undone = entry.change { return false }
                return entry.actor == session.context.actor
            }) else {
                throw Failure.badInput("\(e.id) has no change by \(safe(session.context.actor)) to undo.")
            }
            try reportChange(try session.commit(.undo(sequence: mine.sequence), on: id), in: session, json: options.json)
        }
    }
}
