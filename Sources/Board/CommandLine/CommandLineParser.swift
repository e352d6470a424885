import EscalationKit

/// What a `:` line asks for, once parsed.
public enum CommandLineRequest: Hashable, Sendable {
    /// A change to the escalation in focus, the same `Command` its key would commit.
    case commit(Command)
    /// What a key does, for the key map's actions without a command of their own (`:open`, `:advance`).
    case intent(Intent)
    case filter(String)
    case sort(SortOrder?)
    case theme(String)
    case undo
    case help
    case quit
}

/// Why a `:` line cannot be run, said so the user can fix it.
public struct CommandLineError: Error, Hashable, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}

/// Reads a `:` line into a request.
public enum CommandLineParser {
    /// Parses `line` (without the colon); `keyMap` supplies the actions any key can do.
    public static func parse(_ line: String, keyMap: KeyMap) throws(CommandLineError) -> CommandLineRequest {
        let trimmed = line.trimmedSpaces
        guard let name = trimmed.split(separator: " ").first.map(String.init) else { throw CommandLineError("Type a command; :help lists them.") }
        let rest = String(trimmed.dropFirst(name.count)).trimmedSpaces
        guard let entry = CommandCatalog.entry(named: name) else {
            if let intent = keyMap.bindings.map(\.intent).first(where: { Self.same($0.configurationName, name) }) {
                guard rest.isEmpty else { throw CommandLineError(":\(name) takes nothing after it.") }
                return .intent(intent)
            }
            throw CommandLineError("Unknown command :\(name)" + (suggestion(for: name).map { "; did you mean :\($0)?" } ?? "; :help lists them."))
        }
        func required(_ what: String) throws(CommandLineError) -> String {
            guard !rest.isEmpty else { throw CommandLineError("\(entry.usage) — \(what) is missing.") }
            return rest
        }
        func none() throws(CommandLineError) {
            guard rest.isEmpty else { throw CommandLineError(":\(entry.name) takes nothing after it.") }
        }
        switch entry.name {
        case "ack": return .commit(.acknowledge(owner: try required("the owner")))
        case "assign": return .commit(.assign(owner: try required("the owner")))
        case "start": try none(); return .commit(.start)
        case "note": return .commit(.note(try required("the note")))
        case "customer": return .commit(.customerUpdate(try required("the update")))
        case "resolve": return .commit(.resolve(resolution: try required("the resolution")))
        case "close": try none(); return .commit(.close)
        case "back", "reopen":
            let why = reason(rest)
            guard !why.isEmpty else { throw CommandLineError("Say why: \(entry.usage).") }
            return .commit(entry.name == "back" ? .back(reason: why) : .reopen(reason: why))
        case "link": return .commit(.link(pattern: try required("the pattern")))
        case "wait":
            let (value, why) = try valueAndReason(entry, rest)
            guard let party = WaitParty(rawValue: value.lowercased()) else {
                throw CommandLineError("\"\(value)\" is not whom it waits on; write customer, vendor or internal.")
            }
            return .commit(.wait(on: party, reason: why, until: nil))
        case "resume":
            let why = reason(rest)
            guard !why.isEmpty else { throw CommandLineError("Say why: \(entry.usage).") }
            return .commit(.resume(reason: why))
        case "severity":
            let (value, why) = try valueAndReason(entry, rest)
            guard let severity = Severity.allCases.first(where: { $0.rawValue == value.lowercased() || String($0.letter) == value.uppercased() }) else {
                throw CommandLineError("\"\(value)\" is not a severity; write critical, high or medium.")
            }
            return .commit(.severity(severity, reason: why))
        case "tier":
            let (value, why) = try valueAndReason(entry, rest)
            guard let number = Int(value.filter(\.isNumber)), let tier = Tier(rawValue: number) else {
                throw CommandLineError("\"\(value)\" is not a tier; write 1, 2, 3 or 4.")
            }
            return .commit(.tier(tier, reason: why))
        case "category":
            let (value, why) = try valueAndReason(entry, rest)
            let key = value.lowercased().replacingOccurrences(of: "-", with: "_")
            guard let category = Category(rawValue: key) else {
                throw CommandLineError("\"\(value)\" is not a category; write one of " + Category.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            return .commit(.category(category, reason: why))
        case "filter": return .filter(filterQuery(rest))
        case "sort":
            if rest.isEmpty { return .sort(nil) }
            guard let order = SortOrder(rawValue: rest.lowercased()) else { throw CommandLineError("Sort by urgency, age or arr.") }
            return .sort(order)
        case "theme": return .theme(try required("the theme name"))
        case "undo": try none(); return .undo
        case "help": return .help
        default: try none(); return .quit
        }
    }

    /// `:filter critical acme` → `is:critical acme`: a bare quick-filter name is the quick filter.
    static func filterQuery(_ text: String) -> String {
        // "none" clears, as the help says; a word "none" can still be found with the find line.
        if text.trimmedSpaces.lowercased() == "none" { return "" }
        return text.split(separator: " ").map { word in
            QuickFilter(rawValue: word.lowercased()) != nil || word.lowercased() == "update-due" ? "is:" + word.lowercased() : String(word)
        }.joined(separator: " ")
    }

    /// "high because outage spread" → ("high", "outage spread"); a reason is required.
    private static func valueAndReason(_ entry: CommandCatalog.Entry, _ rest: String) throws(CommandLineError) -> (String, String) {
        let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard let value = words.first else { throw CommandLineError("\(entry.usage) — the new value is missing.") }
        let why = reason(words.count > 1 ? words[1] : "")
        guard !why.isEmpty else { throw CommandLineError("Say why: \(entry.usage).") }
        return (value, why)
    }

    /// A reason without its leading "because".
    static func reason(_ text: String) -> String {
        let t = text.trimmedSpaces
        if t.lowercased() == "because" { return "" }
        if t.lowercased().hasPrefix("because ") { return String(t.dropFirst(8)).trimmedSpaces }
        return t
    }

    static func same(_ a: String, _ b: String) -> Bool {
        func n(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }
        return n(a) == n(b)
    }

    private static func suggestion(for name: String) -> String? {
        CommandCatalog.entries.map(\.name).first { $0.hasPrefix(name.lowercased().prefix(2)) }
    }
}
