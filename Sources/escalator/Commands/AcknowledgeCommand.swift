import ArgumentParser
import EscalationKit

/// Confirms receipt and names the owner: Routed → Acknowledged.
struct AcknowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an escalation and name its owner.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "Who owns it from now on: a login or a name from the roster (any part of it, e.g. \"lena\" or \"Vogel\").") var owner: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.acknowledge(owner: try session.owner(owner)), on: id), in: session, json: options.json)
        }
    }
}
