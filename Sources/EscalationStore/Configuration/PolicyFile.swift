import EscalationKit
import Foundation
import TOMLKit

/// The routing-rules configuration file (`escalator.toml`): where it lives and how it becomes a `Policy`.
///
/// A file states only what it changes: every key it leaves out keeps `Policy.standard`'s value.
/// `DefaultConfiguration.text` (`escalator config`) states every default, with comments, to save and edit.
public enum PolicyFile {
    /// The file name looked for in the store directory.
    public static let fileName = "escalator.toml"

    /// Where the configuration is: `$ESCALATOR_CONFIG` when set (even if the file is missing, so a
    /// typo in the variable is an error, not a silent fallback), else `<store>/escalator.toml` when it
    /// exists, else nil: use `Policy.standard`.
    public static func locate(storeDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["ESCALATOR_CONFIG"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit).standardizedFileURL
        }
        let inStore = storeDirectory.appendingPathComponent(fileName)
        return FileManager.default.fileExists(atPath: inStore.path) ? inStore : nil
    }

    /// The policy in force for a store: the located file's, or the defaults when there is none.
    public static func policy(storeDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> Policy {
        guard let url = locate(storeDirectory: storeDirectory, environment: environment) else { return .standard }
        return try load(path: url.path)
    }

    /// Reads and parses the file at `path`; problems name the file as `path` is written.
    public static func load(path: String) throws(ConfigurationError) -> Policy {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (check its permissions)"
                : "does not exist; create it (`escalator config > FILE` writes the commented defaults) or point ESCALATOR_CONFIG at the right file"
            throw ConfigurationError(problems: [.init(file: path, path: "", line: nil, message: "the configuration file \(reason)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(problems: [.init(file: path, path: "", line: nil,
                message: "the configuration file is not UTF-8 text; save it as UTF-8")])
        }
        return try parse(text: text, path: path)
    }

    /// Parses configuration text; `path` is only used to name the file in problems.
    public static func parse(text: String, path: String) throws(ConfigurationError) -> Policy {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let at = error.source.begin
            throw ConfigurationError(problems: [.init(file: path, path: "", line: at.line,
                message: "TOML syntax error at column \(at.column): \(error.description); fix this line (text values need \"quotes\", sections are written [name])")])
        } catch {
            throw ConfigurationError(problems: [.init(file: path, path: "", line: nil, message: "cannot parse: \(error)")])
        }
        var reader = PolicyReader(file: path, text: text)
        reader.read(root)
        guard reader.problems.isEmpty, reader.problemsFromOtherFiles.isEmpty else {
            throw ConfigurationError(problems: reader.problems.enumerated().sorted { a, b in
                (a.element.line ?? .max, a.offset) < (b.element.line ?? .max, b.offset)
            }.map(\.element) + reader.problemsFromOtherFiles)
        }
        return reader.policy
    }
}
