import ArgumentParser
import EscalationKit

/// Closes a resolved escalation once the customer confirms: a person's decision, never automatic.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a resolved escalation once the customer is satisfied.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.close, on: id), in: session, json: options.json)
        }
    }
}
