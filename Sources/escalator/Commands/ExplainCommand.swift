import ArgumentParser
import EscalationKit
import Foundation

/// How each deadline was computed: the rule, the intervals counted, what was skipped or paused.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain how each of an escalation's deadlines was computed.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions, focus: id)
            let e = try session.escalation(id)
            let explanations = session.clocks.explain(e, at: session.now)
            if json {
                try JSONOutput.print(explanations)
                return
            }
            let c = session.console
            c.print(c.paint("\(e.id) — \(safe(e.title))", .bold))
            for x in explanations {
                c.print("")
                for (i, line) in x.lines.enumerated() {
                    c.print(i == 0 ? c.paint(safe(line), .bold) : "  " + safe(line))
                }
            }
        }
    }
}
