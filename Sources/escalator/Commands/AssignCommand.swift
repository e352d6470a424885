import ArgumentParser
import EscalationKit

/// Hands an escalation to a new owner.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Give an escalation a new owner.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "The new owner: a login or a name from the roster (any part of it, e.g. \"lena\" or \"Vogel\").") var owner: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.assign(owner: try session.owner(owner)), on: id), in: session, json: options.json)
        }
    }
}
