import Foundation
import TOMLKit

/// A theme file's TOML, read with TOMLKit into its settings (`role = "look"`, one a top-level key),
/// each with the line it is written on. What the words mean is Board's `ThemeFile`; this only
/// knows the file's shape, so Board stays free of TOML and file reading.
public enum ThemeSettings {
    /// The `key = "text"` settings of `text`; `file` only names the file in problems.
    public static func read(_ text: String, file: String) throws(ConfigurationError) -> [(key: String, value: String, line: Int?)] {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let at = error.source.begin
            throw problem(file, at.line, "TOML syntax error at column \(at.column): \(error.description); write one role a line, e.g. critical = \"red, bold\"")
        } catch {
            throw problem(file, nil, "cannot parse: \(error)")
        }
        let lines = KeyLines(text: text)
        var settings: [(key: String, value: String, line: Int?)] = []
        var mistakes: [(line: Int?, message: String)] = []
        for key in root.keys {
            guard let value = root[key] else { continue }
            let line = lines.line(of: "\"\(key)\"")
            if let text = value.string {
                settings.append((key, text, line))
            } else if let table = value.table {
                // `[critical]` has a line of its own; a dotted `critical.fg = …` only its keys'.
                let written = line ?? table.keys.compactMap { lines.line(of: "\"\(key)\".\"\($0)\"") }.min()
                mistakes.append((written, "sections and dotted keys are not used in theme files; write one role a line, e.g. critical = \"red, bold\""))
            } else {
                mistakes.append((line, "the value of \(key) must be text in quotes, e.g. \(key) = \"red, bold\""))
            }
        }
        if let first = mistakes.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) { throw problem(file, first.line, first.message) }
        return settings
    }

    static func problem(_ file: String, _ line: Int?, _ message: String) -> ConfigurationError {
        ConfigurationError(problems: [.init(file: file, path: "", line: line, message: message)])
    }
}
