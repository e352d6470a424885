import ArgumentParser
import EscalationKit
import Foundation

/// Checks a brief against seed 002's common mistakes and seed 001's best practices.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check an escalation's brief for the common mistakes, each with a short fix.",
        discussion: "Exits 0 when there are no errors (warnings are listed), 65 when the brief has errors such as no specific ask."
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let e = try session.escalation(id)
            let findings = BriefLinter.lint(e, among: Array(session.store.ledger.escalations.values), at: session.now, policy: session.policy)
            if json {
                try JSONOutput.print(findings)
            } else if findings.isEmpty {
                print("\(e.id): the brief has no findings.")
            } else {
                let c = session.console
                for f in findings {
                    let tone: Console.Tone = f.severity == .error ? .red : f.severity == .warning ? .yellow : .dim
                    c.print(c.paint(pad(f.severity.rawValue, 8), tone) + pad(f.id, 22) + safe(f.message))
                    c.print(String(repeating: " ", count: 30) + c.paint("fix: " + safe(f.fix), .dim))
                }
            }
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode(Failure.Kind.badInput.rawValue) }
        }
    }
}
