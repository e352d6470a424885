import ArgumentParser
import EscalationKit

/// Records that the receiving team delivered the fix or response.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve an escalation with a resolution note.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "What was delivered.") var resolution: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.resolve(resolution: resolution), on: id), in: session, json: options.json)
        }
    }
}
