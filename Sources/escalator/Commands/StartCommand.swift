import ArgumentParser
import EscalationKit

/// Work begins: Acknowledged → In progress.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark that work on an acknowledged escalation has begun.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.start, on: id), in: session, json: options.json)
        }
    }
}
