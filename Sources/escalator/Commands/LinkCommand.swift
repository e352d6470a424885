import ArgumentParser
import EscalationKit

/// Links escalations that are the same issue at several customers under one pattern key.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "Link an escalation to a pattern (the same issue at several customers).")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "The pattern key, one word, e.g. export-missing-rows.") var pattern: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.link(pattern: pattern), on: id), in: session, json: options.json)
        }
    }
}
