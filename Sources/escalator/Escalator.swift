import ArgumentParser
import EscalationKit

/// The root command: a triage board for customer escalations.
@main
struct Escalator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalator",
        abstract: "Score, route and track customer escalations until nothing falls through the cracks.",
        version: EscalationKit.version
    )
}
