import EscalationKit

/// The commands the `:` line knows beyond the key map's actions, with what their arguments are,
/// for parsing, completion and the help screen.
public enum CommandCatalog {
    /// What a command's first argument is, for Tab completion.
    public enum Argument: Hashable, Sendable {
        case none, owner, severity, tier, category, filter, sort, theme, text
    }

    /// One command: its name, other names it answers to, how it is written, and what it does.
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var aliases: [String]
        public var usage: String
        public var summary: String
        public var argument: Argument
    }

    public static let entries: [Entry] = [
        Entry(name: "ack", aliases: ["acknowledge"], usage: ":ack OWNER", summary: "acknowledge, with the owner", argument: .owner),
        Entry(name: "assign", aliases: ["owner"], usage: ":assign OWNER", summary: "give it an owner", argument: .owner),
        Entry(name: "start", aliases: [], usage: ":start", summary: "start work (to In progress)", argument: .none),
        Entry(name: "note", aliases: ["progress"], usage: ":note TEXT", summary: "log progress", argument: .text),
        Entry(name: "customer", aliases: ["cust"], usage: ":customer TEXT", summary: "log a customer update", argument: .text),
        Entry(name: "severity", aliases: ["sev"], usage: ":severity LEVEL because WHY", summary: "change severity", argument: .severity),
        Entry(name: "tier", aliases: [], usage: ":tier 1-4 because WHY", summary: "change tier", argument: .tier),
        Entry(name: "category", aliases: [], usage: ":category NAME because WHY", summary: "change category", argument: .category),
        Entry(name: "resolve", aliases: [], usage: ":resolve RESOLUTION", summary: "resolve it", argument: .text),
        Entry(name: "close", aliases: [], usage: ":close", summary: "close it (no question asked)", argument: .none),
        Entry(name: "back", aliases: [], usage: ":back because WHY", summary: "move it back a status", argument: .text),
        Entry(name: "reopen", aliases: [], usage: ":reopen because WHY", summary: "reopen a closed one as a new, linked one", argument: .text),
        Entry(name: "wait", aliases: ["hold"], usage: ":wait customer|vendor|internal because WHY", summary: "wait on someone: resolve and stall clocks stop", argument: .text),
        Entry(name: "resume", aliases: [], usage: ":resume because WHY", summary: "end the wait: the clocks count again", argument: .text),
        Entry(name: "link", aliases: [], usage: ":link PATTERN", summary: "mark it part of a pattern", argument: .text),
        Entry(name: "filter", aliases: ["f"], usage: ":filter [WORDS owner:NAME critical …]", summary: "filter the board (none clears)", argument: .filter),
        Entry(name: "sort", aliases: [], usage: ":sort urgency|age|arr", summary: "sort the columns", argument: .sort),
        Entry(name: "theme", aliases: [], usage: ":theme NAME", summary: "switch the colours", argument: .theme),
        Entry(name: "undo", aliases: [], usage: ":undo", summary: "undo your own last change", argument: .none),
        Entry(name: "help", aliases: ["h"], usage: ":help", summary: "the keys and commands", argument: .none),
        Entry(name: "quit", aliases: ["q"], usage: ":q", summary: "leave the board", argument: .none),
    ]

    /// The entry called `name` (or one of its aliases).
    public static func entry(named name: String) -> Entry? {
        let n = name.lowercased()
        return entries.first { $0.name == n || $0.aliases.contains(n) }
    }
}
