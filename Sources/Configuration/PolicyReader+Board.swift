import TOMLKit

extension PolicyReader {
    /// `[board]`: settings of the full-screen board. Only their shape is checked here (the store
    /// knows nothing of keys or themes); `BoardConfiguration` hands them to the board, which checks the names.
    mutating func readBoard(_ value: TOMLValueConvertible) {
        guard let table = table(value, "board") else { return }
        for (key, value) in entries(table) {
            switch key {
            case "theme":
                if let name = string(value, "board.theme", example: "\"solarized\""), name.isEmpty {
                    report("board.theme", "the theme name is empty; write a name from Themes/ (default, light, solarized, …) or a file's path")
                }
            case "keys": _ = readBoardKeys(value)
            default: unknownKey(key, in: "board", allowed: ConfigurationSchema.board)
            }
        }
    }

    /// `[board.keys]`: `action = "key"` or `action = ["key", "key"]`.
    mutating func readBoardKeys(_ value: TOMLValueConvertible) -> [String: [String]] {
        guard let table = table(value, "board.keys") else { return [:] }
        var keys: [String: [String]] = [:]
        for (name, value) in entries(table) {
            let path = "board.keys." + name
            if let single = value.string {
                keys[name] = [single]
            } else if value.array == nil {
                report(path, "expected a key in quotes, e.g. \"A\", or a list of keys, e.g. [\"a\", \"ctrl-a\"], found \(describe(value))")
            } else if let list = strings(value, path, example: "[\"a\", \"ctrl-a\"]") {
                keys[name] = list
            }
        }
        return keys
    }
}
