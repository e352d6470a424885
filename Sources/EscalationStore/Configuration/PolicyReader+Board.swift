import TOMLKit

extension PolicyReader {
    /// `[board]`: how the board looks. Not part of the policy; checked here so a mistake is reported
    /// with the rest of the file, and read by `BoardSettings`.
    mutating func readBoard(_ value: TOMLValueConvertible) {
        guard let table = table(value, "board") else { return }
        for (key, value) in entries(table) {
            switch key {
            case "theme":
                if let name = string(value, "board.theme", example: "\"solarized\""), name.isEmpty {
                    report("board.theme", "the theme name is empty; write a name from Themes/ (default, light, solarized, …) or a file's path")
                }
            case "keys":
                continue  // Key bindings, read by the key-binding settings.
            default:
                unknownKey(key, in: "board", allowed: ConfigurationSchema.board)
            }
        }
    }
}
