import ArgumentParser
import EscalationKit

/// Changes the tier; raising it is a re-escalation and is audited like every change.
struct TierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tier", abstract: "Change an escalation's tier (1–4), with a reason.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Argument(help: "1 standard, 2 complex technical, 3 critical/multi-customer, 4 business critical.") var tier: Int
    @Option(help: "Why the tier changes.") var reason: String
    @OptionGroup var options: ChangeOptions

    func check() throws {
        guard Tier(rawValue: tier) != nil else { throw Failure.badInput("A tier is 1, 2, 3 or 4, not \(tier).") }
    }

    func run() throws {
        try reporting {
            try check()
            let session = try Session.open(options.storeOptions, focus: id)
            try reportChange(try session.commit(.tier(Tier(rawValue: tier)!, reason: reason), on: id), in: session, json: options.json)
        }
    }
}
