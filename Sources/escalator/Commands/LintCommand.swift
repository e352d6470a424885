import ArgumentParser
import EscalationKit
import Foundation

/// Checks a brief against the common escalation mistakes and the brief's best practices.
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
                var table = Table([Table.Column(header: "LEVEL"), Table.Column(header: "FINDING"),
                                   Table.Column(header: "WHAT AND HOW TO FIX IT", shrinks: true, minimum: 20)])
                for f in findings {
                    let tone: Console.Tone = f.severity == .error ? .red : f.severity == .warning ? .yellow : .dim
                    table.add([Table.Cell(f.severity.rawValue, tone), Table.Cell(f.id), Table.Cell(safe(f.message))])
                    table.add([Table.Cell(""), Table.Cell(""), Table.Cell("fix: " + safe(f.fix), .dim)])
                }
                table.print(c)
            }
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode(Failure.Kind.badInput.rawValue) }
        }
    }
}
