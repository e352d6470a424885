import Foundation
import TOMLKit

/// The `[board]` settings of the configuration file that are about the board's look, not the policy.
public struct BoardSettings: Hashable, Sendable {
    /// The theme's name or path (`[board] theme = "solarized"`), nil for the default.
    public var theme: String?

    public init(theme: String? = nil) { self.theme = theme }

    /// The settings of the configuration in force for a store (see `PolicyFile.locate`); none when there is no file.
    public static func load(storeDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> BoardSettings {
        guard let url = PolicyFile.locate(storeDirectory: storeDirectory, environment: environment) else { return BoardSettings() }
        return try parse(text: try PolicyFile.text(of: url, storeDirectory: storeDirectory), path: url.path)
    }

    /// Reads the settings from configuration text; `path` names the file in problems.
    public static func parse(text: String, path: String) throws(ConfigurationError) -> BoardSettings {
        guard let root = try? TOMLTable(string: text), let board = root["board"]?.table, let value = board["theme"] else {
            return BoardSettings()
        }
        guard let name = value.string, !name.isEmpty else {
            throw ConfigurationError(problems: [.init(file: path, path: "board.theme", line: KeyLines(text: text).line(of: "board.theme"),
                                                      message: "theme must be a name or a path in quotes, e.g. theme = \"solarized\"")])
        }
        return BoardSettings(theme: name)
    }
}
