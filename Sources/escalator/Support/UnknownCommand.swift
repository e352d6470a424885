import ArgumentParser
import EscalationKit

/// A command name that is not one (`escalator lst`), with the nearest real one as a mistyped
/// option gets it: ArgumentParser only says "Unknown option '--store'" about the rest of the line.
struct UnknownCommand {
    let message: String

    /// Follows the subcommand names in `arguments`; nil when they all exist, when an option comes
    /// first, or when the command reached takes arguments of its own.
    init?(_ arguments: [String], root: ParsableCommand.Type = Escalator.self) {
        var command = root
        var path = [root.configuration.commandName ?? "escalator"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty, command.configuration.defaultSubcommand == nil else { return nil }
            let names = subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            if word == "help" { return nil }
            let suggestion = NearestName.to(word, among: names).map { " Did you mean '\(path.joined(separator: " ")) \($0)'?" } ?? ""
            message = "'\(SafeText.neutralized(word))' is not a command.\(suggestion) See '\(path.joined(separator: " ")) --help' for the commands."
            return
        }
        return nil
    }
}
