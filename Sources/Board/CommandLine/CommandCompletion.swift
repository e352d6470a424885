import EscalationKit

/// Tab on the `:` line: completes the word being typed from the command names, then from the
/// values the command takes (people from the roster, severities, tiers, categories, filters,
/// sort orders, themes).
public enum CommandCompletion {
    /// What Tab does to `text`: the new text, and the candidates to show when there is more than one.
    public static func complete(_ text: String, in state: BoardState) -> (text: String, candidates: [String]) {
        let endsWithSpace = text.last == " "
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let partial = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        let entry = words.first.flatMap(CommandCatalog.entry(named:))
        let matches: [String]
        var shown: (String) -> String = { $0 }
        if words.count == 1, entry?.argument == .owner {
            // People match by any part of the name, as the owner will be found ("vog" → lena).
            matches = OwnerCompletion.logins(partial, in: state)
            shown = { OwnerCompletion.shown($0, in: state) }
        } else if words.count == 1, entry?.argument == .filter, partial.lowercased().hasPrefix("owner:") {
            matches = OwnerCompletion.logins(String(partial.dropFirst(6)), in: state).map { "owner:" + $0 }
        } else {
            let options: [String]
            if words.isEmpty {
                options = commandNames(state.keyMap)
            } else if let entry {
                options = values(for: entry.argument, position: words.count, in: state)
            } else {
                options = []
            }
            matches = options.filter { $0.lowercased().hasPrefix(partial.lowercased()) }
        }
        let head = words.isEmpty ? "" : words.joined(separator: " ") + " "
        guard let first = matches.first else { return (text, []) }
        if matches.count == 1 { return (head + first + " ", []) }
        let common = matches.dropFirst().reduce(first) { prefix, word in
            String(zip(prefix, word).prefix { $0.0.lowercased() == $0.1.lowercased() }.map(\.0))
        }
        let extends = common.count > partial.count && common.lowercased().hasPrefix(partial.lowercased())
        return (head + (extends ? common : partial), matches.map(shown))
    }

    /// The catalog's commands, then the key map's actions, each once.
    static func commandNames(_ keyMap: KeyMap) -> [String] {
        var names = CommandCatalog.entries.map(\.name)
        for name in keyMap.intentNames where !names.contains(name) && CommandCatalog.entry(named: name) == nil { names.append(name) }
        return names
    }

    /// The values for the argument at `position` (1 = the first after the command).
    static func values(for argument: CommandCatalog.Argument, position: Int, in state: BoardState) -> [String] {
        let reasoned: Set<CommandCatalog.Argument> = [.severity, .tier, .category]
        if position == 2, reasoned.contains(argument) { return ["because"] }
        guard position == 1 else { return [] }
        switch argument {
        case .owner: return OwnerCompletion.logins("", in: state)
        case .severity: return Severity.allCases.map(\.rawValue)
        case .tier: return Tier.all.map { String($0.rawValue) }
        case .category: return Category.allCases.map(\.rawValue)
        case .filter: return QuickFilter.allCases.map(\.rawValue) + OwnerCompletion.logins("", in: state).map { "owner:" + $0 }
        case .sort: return SortOrder.allCases.map(\.rawValue)
        case .theme: return state.commandLine.themeNames
        case .none, .text: return []
        }
    }

    /// Without a roster: everyone who owns or reported an escalation on the board, and the user;
    /// names with spaces are left out (one word completes).
    static func people(_ state: BoardState) -> [String] {
        var names = Set([state.actor])
        for e in state.ledger.escalations.values {
            names.insert(e.reporter)
            if let owner = e.owner { names.insert(owner) }
        }
        return names.filter { !$0.isEmpty && !$0.contains(" ") }.sorted()
    }
}
