import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import PostgresStore

/// Checks a store's files and, when asked, salvages a damaged one up to its last good event.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the store's files; with --repair, salvage up to the last good event.",
        discussion: "Checking changes nothing. Repair keeps a backup of every file it touches in the store's backups folder. Exits 74 while problems remain."
    )

    @Flag(help: "Salvage a damaged store, keeping backups of everything it touches.") var repair = false
    @Flag(help: "Print JSON: {healthy, problems[], notes[], actions[], backups[]}.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    /// The report as `--json` prints it.
    struct Output: EveryKeyEncodable {
        var healthy: Bool
        var problems: [String]
        var notes: [String]
        var actions: [String]
        var backups: [String]
    }

    func run() throws {
        try reporting {
            if let name = try storeOptions.postgres() {
                guard !repair else {
                    throw Failure.usage("--repair is for a store directory; a PostgreSQL store's trail cannot be rewritten, and doctor says what to fix.")
                }
                let report = try PostgresStore.doctor(name)
                if json {
                    try JSONOutput.print(Output(healthy: report.isHealthy, problems: report.problems, notes: report.notes, actions: [], backups: []))
                } else {
                    print(safeBlock(report.description))
                }
                if !report.isHealthy { throw ExitCode(Failure.Kind.storeUnreadable.rawValue) }
                return
            }
            let directory = storeOptions.directory
            guard FileManager.default.fileExists(atPath: directory.path) else {
                throw Failure(.storeUnreadable, "There is no store at \(directory.path).")
            }
            let report = Store.doctor(at: directory, repair: repair)
            if json {
                try JSONOutput.print(Output(healthy: report.isHealthy, problems: report.problems, notes: report.notes,
                                            actions: report.actions, backups: report.backups))
            } else {
                print(safeBlock(report.description))
            }
            if !report.isHealthy && !repair { throw ExitCode(Failure.Kind.storeUnreadable.rawValue) }
            if repair, !Store.doctor(at: directory, repair: false).isHealthy { throw ExitCode(Failure.Kind.storeUnreadable.rawValue) }
        }
    }
}
