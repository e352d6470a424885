import Foundation
import TOMLKit

/// The `[board.keys]` section of the configuration file, as plain data for the board: which keys
/// each action (intent) name is bound to, and the line each is written on for error messages.
public struct BoardKeyBindings: Hashable, Sendable {
    /// The file as the user named it.
    public var file: String
    /// Action name → key names, e.g. `"acknowledge": ["A"]`.
    public var keys: [String: [String]]
    /// Action name → 1-based line.
    public var lines: [String: Int]

    public init(file: String, keys: [String: [String]] = [:], lines: [String: Int] = [:]) {
        self.file = file
        self.keys = keys
        self.lines = lines
    }

    /// A problem about one action's binding, placed at its line, as the configuration reports them.
    public func problem(action: String, _ message: String) -> ConfigurationError.Problem {
        .init(file: file, path: "board.keys." + action, line: lines[action], message: message)
    }
}

/// Reads the board's settings from the configuration file (the one `PolicyFile` locates).
public enum BoardConfiguration {
    /// The key bindings of the configuration in force for a store; empty when there is no file.
    public static func keyBindings(storeDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> BoardKeyBindings {
        guard let url = PolicyFile.locate(storeDirectory: storeDirectory, environment: environment) else {
            return BoardKeyBindings(file: "")
        }
        return try keyBindings(text: try PolicyFile.text(of: url, storeDirectory: storeDirectory), path: url.path)
    }

    /// The key bindings in configuration `text`; the whole file is checked as `PolicyFile` does.
    public static func keyBindings(text: String, path: String) throws(ConfigurationError) -> BoardKeyBindings {
        _ = try PolicyFile.parse(text: text, path: path)
        guard let root = try? TOMLTable(string: text), let board = root["board"]?.table, let keys = board["keys"] else {
            return BoardKeyBindings(file: path)
        }
        var reader = PolicyReader(file: path, text: text)
        let bindings = reader.readBoardKeys(keys)
        var lines: [String: Int] = [:]
        for name in bindings.keys { lines[name] = reader.line(of: "board.keys." + name) }
        return BoardKeyBindings(file: path, keys: bindings, lines: lines)
    }
}
