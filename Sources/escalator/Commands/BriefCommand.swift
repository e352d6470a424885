import ArgumentParser
import EscalationKit
import Foundation

/// The brief the receiving team reads: the brief's sections in Markdown, or JSON.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "brief", abstract: "Print an escalation's brief (Markdown or JSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "markdown or json.") var format: Format = .markdown
    @Flag(help: "Print JSON (the same as --format json).") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions, focus: id)
            let document = BriefDocument(try session.escalation(id), at: session.now, policy: session.policy)
            switch json ? .json : format {
            case .markdown: print(safeBlock(document.markdown))
            case .json: try JSONOutput.print(document)
            }
        }
    }
}
