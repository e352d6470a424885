/// `show` and `update`, the commands scripts and people run most, read from a plain command line
/// without argument-parser: building its command tree and each command's arguments (the Swift
/// runtime's protocol-conformance lookups and reflection) is about a fifth of `update` at 1,000
/// escalations (measured with `perf`), more than the work itself.
///
/// "Plain" is deliberately narrow: the subcommand first, one positional id, and only the long
/// options and flags the command declares, each at most once (`--opt value` or `--opt=value`, no
/// value that starts with `-`). Anything else (help, completions, short names, `--`, an unknown or
/// repeated option, a missing id) returns nil and goes to argument-parser, which parses it exactly
/// as before and words any mistake. A test parses the same lines both ways and compares.
enum PlainCommandLine {
    /// A command read from a plain line: its request, run without building argument-parser's
    /// command (whose property wrappers are most of what the parser costs).
    enum Command: Equatable {
        case show(ShowCommand.Request)
        case update(UpdateCommand.Request)

        func run() throws {
            switch self {
            case .show(let request): try ShowCommand.run(request)
            case .update(let request): try UpdateCommand.run(request)
            }
        }
    }

    /// The command for `arguments` (the words after the program name), or nil for argument-parser.
    static func command(_ arguments: [String]) -> Command? {
        guard let name = arguments.first else { return nil }
        let rest = arguments.dropFirst()
        switch name {
        case ShowCommand.configuration.commandName:
            guard let line = Words(rest, options: ["--store"], flags: ["--json"]) else { return nil }
            return .show(ShowCommand.Request(id: line.id, json: line.has("--json"), store: line.options["--store"]))
        case UpdateCommand.configuration.commandName:
            guard let line = Words(rest, options: ["--store", "--note"], flags: ["--json", "--customer", "--from-draft"]) else { return nil }
            return .update(UpdateCommand.Request(id: line.id, note: line.options["--note"], customer: line.has("--customer"),
                                                 fromDraft: line.has("--from-draft"), json: line.has("--json"), store: line.options["--store"]))
        default:
            return nil
        }
    }

    /// One positional and the named long options (with a value) and flags, each at most once.
    struct Words {
        let id: String
        let options: [String: String]
        let flags: Set<String>

        func has(_ flag: String) -> Bool { flags.contains(flag) }

        init?(_ words: ArraySlice<String>, options names: Set<String>, flags flagNames: Set<String>) {
            var id: String?
            var options: [String: String] = [:]
            var flags: Set<String> = []
            var index = words.startIndex
            while index < words.endIndex {
                let word = words[index]
                index += 1
                guard word.hasPrefix("-") else {
                    guard id == nil, !word.isEmpty else { return nil }
                    id = word
                    continue
                }
                if flagNames.contains(word) {
                    guard flags.insert(word).inserted else { return nil }
                    continue
                }
                let name: String
                let value: String
                if let equals = word.firstIndex(of: "=") {
                    name = String(word[..<equals])
                    value = String(word[word.index(after: equals)...])
                } else {
                    guard index < words.endIndex else { return nil }
                    name = word
                    value = words[index]
                    index += 1
                }
                guard names.contains(name), options[name] == nil, !value.hasPrefix("-") else { return nil }
                options[name] = value
            }
            guard let id else { return nil }
            self.id = id
            self.options = options
            self.flags = flags
        }
    }
}
