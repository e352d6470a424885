import ArgumentParser
import EscalationKit

/// Logs progress, or with `--customer` an update sent to the customer.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Log progress on an escalation (or, with --customer, what the customer was told).",
        discussion: "Progress resets the stall and internal-update clocks and brings a stalled escalation back to In progress; a customer update resets the customer-update clock."
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "What happened.") var note: String
    @Flag(help: "This is an update sent to the customer.") var customer = false
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            let command: Command = customer ? .customerUpdate(note) : .note(note)
            try reportChange(try session.commit(command, on: id), in: session, json: options.json)
        }
    }
}
