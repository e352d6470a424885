#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import EscalationStore
import Foundation
import TOMLKit
import Invocation

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
    public static func locate(storeDirectory: URL, environment: [String: String] = ProcessEnvironment.variables) -> URL? {
        if let explicit = environment["ESCALATOR_CONFIG"], !explicit.isEmpty {
            return StandardPath.url(explicit, isDirectory: false)
        }
        let inStore = inStorePath(storeDirectory)
        return access(inStore, F_OK) == 0 ? URL(fileURLWithPath: inStore, isDirectory: false) : nil
    }

    /// The store's own configuration file.
    static func inStorePath(_ storeDirectory: URL) -> String { StandardPath.of(storeDirectory.path) + "/" + fileName }

    /// The policy in force for a store: the located file's, or the defaults when there is none.
    public static func policy(storeDirectory: URL, environment: [String: String] = ProcessEnvironment.variables) throws(ConfigurationError) -> Policy {
        guard let url = locate(storeDirectory: storeDirectory, environment: environment) else { return .standard }
        return try parse(text: try text(of: url, storeDirectory: storeDirectory), path: url.path)
    }

    /// Reads and parses the file at `path` (trusted as a file outside any store); problems name the file as `path` is written.
    public static func load(path: String) throws(ConfigurationError) -> Policy {
        let url = URL(fileURLWithPath: path)
        return try parse(text: try text(of: url, storeDirectory: url.deletingLastPathComponent(), inStore: false), path: path)
    }

    /// The text of the configuration file at `url`, read only when it is trusted (`TrustedFile`):
    /// the configuration names the programs hooks run. The store's own file must not be a link.
    public static func text(of url: URL, storeDirectory: URL, inStore: Bool? = nil) throws(ConfigurationError) -> String {
        let path = url.path
        let isInStore = inStore ?? (StandardPath.of(path) == inStorePath(storeDirectory))
        let bytes: [UInt8]?
        do { bytes = try TrustedFile.read(path, storeDirectory: storeDirectory, inStore: isInStore) } catch {
            switch error {
            case .untrusted: throw ConfigurationError(problems: [.init(file: path, path: "", line: nil, message: "the configuration file " + error.reason)], untrusted: true)
            case .unreadable: throw ConfigurationError(problems: [.init(file: path, path: "", line: nil, message: "the configuration file cannot be read (check its permissions)")])
            }
        }
        guard let bytes else {
            throw ConfigurationError(problems: [.init(file: path, path: "", line: nil,
                message: "the configuration file does not exist; create it (`escalator config > FILE` writes the commented defaults) or point ESCALATOR_CONFIG at the right file")])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(problems: [.init(file: path, path: "", line: nil,
                message: "the configuration file is not UTF-8 text; save it as UTF-8")])
        }
        return text
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
