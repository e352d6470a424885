import ArgumentParser
import EscalationKit

/// Changes the severity; the clocks take the new severity's targets (see `escalator explain`).
struct SeverityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "severity", abstract: "Change an escalation's severity, with a reason.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Argument(help: "critical, high or medium.") var level: Severity
    @Option(help: "Why the severity changes.") var reason: String
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.severity(level, reason: reason), on: id), in: session, json: options.json)
        }
    }
}

extension Severity: ExpressibleByArgument {}
extension Category: ExpressibleByArgument {}
extension Segment: ExpressibleByArgument {}
extension Ask.Kind: ExpressibleByArgument {}
