import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Configuration

/// The routing rules: print the commented defaults to save and edit, or check the file in force.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the commented default configuration, or check the one in force.",
        discussion: """
        `escalator config > "$ESCALATOR_STORE/escalator.toml"` gives a team every rule (routing, SLA targets, \
        calendar, cadence, stall thresholds, score bands, hooks, board settings) to edit. The file in force is \
        $ESCALATOR_CONFIG, else escalator.toml in the store, else the built-in defaults. With --check, a mistake \
        is reported with its file and line and the exit code is 65.
        """
    )

    @Flag(help: "Check the configuration in force and say which file it is.") var check = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            guard check else {
                print(DefaultConfiguration.text)
                return
            }
            let directory = storeOptions.directory
            let environment = ProcessInfo.processInfo.environment
            // A database has no escalator.toml beside it: only $ESCALATOR_CONFIG configures it.
            let path = try storeOptions.postgres() != nil
                ? environment["ESCALATOR_CONFIG"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0).standardizedFileURL }
                : PolicyFile.locate(storeDirectory: directory, environment: environment)
            _ = try Session.loadPolicy(storeOptions)
            _ = try BoardCommand.keyMap(storeDirectory: directory)
            print(path.map { "\($0.path): valid." } ?? "No configuration file; the built-in defaults are in force (`escalator config` prints them).")
        }
    }
}
