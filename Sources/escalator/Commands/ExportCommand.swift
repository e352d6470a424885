import ArgumentParser
import EscalationKit
import Foundation

/// Writes every escalation, the archive included, to standard output.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every escalation (archive included) as JSON or CSV to standard output.",
        discussion: "JSON keeps each escalation's whole history, so `escalator import` recreates it exactly in another store. CSV has one row per escalation, safe to open in a spreadsheet (a cell that would start a formula begins with an apostrophe; control characters are shown as symbols), and `escalator import` reads it back."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Option(help: "json or csv.") var format: Format = .json
    @Flag(help: "Print JSON (the default; the same as --format json).") var json = false

    func validate() throws {
        if json && format == .csv { throw ValidationError("--json and --format csv ask for two formats; give one.") }
    }
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let all = (Array(session.store.ledger.escalations.values) + (try session.store.loadArchive())).sorted { $0.id < $1.id }
            switch format {
            case .json:
                let data = try JSONOutput.encoder().encode(ExportFile(exportedAt: session.now, escalations: all))
                FileHandle.standardOutput.write(data)
                FileHandle.standardOutput.write(Data("\n".utf8))
            case .csv:
                var out = ExportCSV.columns.joined(separator: ",") + "\n"
                for e in all {
                    out += ExportCSV.row(e, status: session.clocks.status(of: e, at: session.now)).map { CSV.escape(CSV.spreadsheetSafe($0)) }.joined(separator: ",") + "\n"
                }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
    }
}
