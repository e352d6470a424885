import ArgumentParser
import EscalationKit

/// Moves an escalation one status back, which always needs a reason.
struct BackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "back", abstract: "Move an escalation one status back, with a reason.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "Why it moves back.") var reason: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.back(reason: reason), on: id), in: session, json: options.json)
        }
    }
}
