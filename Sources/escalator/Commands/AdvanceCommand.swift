import ArgumentParser
import EscalationKit

/// Moves an escalation to the next status of its lifecycle.
struct AdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move an escalation to its next status.",
        discussion: "Acknowledged → In progress; In progress or Stalled → Resolved (needs --resolution). Acknowledging needs `ack --owner`, closing needs `close`."
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "What was delivered, when advancing to Resolved.") var resolution: String?
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.advance(resolution: resolution), on: id), in: session, json: options.json)
        }
    }
}
