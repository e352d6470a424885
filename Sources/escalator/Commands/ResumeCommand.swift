import ArgumentParser
import EscalationKit

/// Ends a wait: the stopped clocks count again from now.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "End a wait: the stopped clocks count again.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "Why it resumes (default: \"resumed\").") var reason = "resumed"
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.resume(reason: reason), on: id), in: session, json: options.json)
        }
    }
}
