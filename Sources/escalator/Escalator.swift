import ArgumentParser
import EscalationKit
import Foundation

/// The root command: a triage board for customer escalations.
@main
struct Escalator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalator",
        abstract: "Score, route and track customer escalations until nothing falls through the cracks.",
        discussion: """
        Every command takes --store DIR (default: $ESCALATOR_STORE, then ~/.local/share/escalator). \
        ESCALATOR_USER sets who acts and ESCALATOR_NOW (ISO 8601) when "now" is. Exit codes: 0 success, \
        64 usage (the command line has the wrong shape), 65 bad input (a value that does not parse or fit) or an illegal transition, 74 store unreadable or damaged, 75 store busy.
        """,
        version: EscalationKit.version,
        groupedSubcommands: [
            CommandGroup(name: "The board", subcommands: [BoardCommand.self]),
            CommandGroup(name: "Set up", subcommands: [InitCommand.self, MigrateCommand.self, DemoCommand.self, AccountsCommand.self, ConfigCommand.self, DoctorCommand.self]),
            CommandGroup(name: "Decide", subcommands: [ScoreCommand.self, AssessCommand.self]),
            CommandGroup(name: "Create and read", subcommands: [NewCommand.self, ListCommand.self, ShowCommand.self, BriefCommand.self, DraftCommand.self,
                                                               LintCommand.self, ExplainCommand.self, ForecastCommand.self]),
            CommandGroup(name: "Move through the lifecycle", subcommands: [AcknowledgeCommand.self, StartCommand.self, AdvanceCommand.self,
                                                                          BackCommand.self, UpdateCommand.self, WaitCommand.self, ResumeCommand.self, AssignCommand.self,
                                                                          SeverityCommand.self, TierCommand.self, ResolveCommand.self,
                                                                          CloseCommand.self, ReopenCommand.self, UndoCommand.self, LinkCommand.self,
                                                                          DeescalateCommand.self]),
            CommandGroup(name: "Report and exchange", subcommands: [ReportCommand.self, MetricsCommand.self, ExportCommand.self, ImportCommand.self, NotifyCommand.self, OutboxCommand.self, DeliverCommand.self]),
        ]
    )

    /// Parses and runs, with the exit codes scripts rely on: a value that does not fit (an unknown
    /// category, a score outside 1–5, a date or duration that does not parse) is bad input (65); a
    /// command line of the wrong shape (an unknown command, a missing option, an unknown flag) is a
    /// usage error (64).
    static func main() {
        // `escalator --version` alone is answered before the parser runs: building the command tree
        // and its arguments (the Swift runtime's protocol-conformance lookups) is most of what the
        // answer would otherwise cost, about a third of the process (measured with `perf`).
        if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version" {
            print(EscalationKit.version)
            return
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `show ID` and `update ID --note …` on a plain command line skip the parser (PlainCommandLine).
        let plain = PlainCommandLine.command(arguments)
        if plain == nil, let unknown = UnknownCommand(arguments) {
            FileHandle.standardError.write(Data(("escalator: " + unknown.message + "\n").utf8))
            Foundation.exit(Failure.Kind.usage.rawValue)
        }
        do {
            if let plain {
                try plain.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let badValue = error is ValidationError || message(for: error).hasPrefix("The value '")
            guard badValue else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(Failure.Kind.badInput.rawValue)
        }
    }
}
