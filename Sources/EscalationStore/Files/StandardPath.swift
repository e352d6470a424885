#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A path made absolute, with "." and ".." and repeated slashes resolved and no link followed: what
/// Foundation's `standardizedFileURL` gives, in plain Swift. Foundation's builds a set and a URL
/// parser on first use, about 3 % of a one-line command like `update` (issue 14, `perf`).
public enum StandardPath {
    /// `path` standardized; a relative path is taken from the working directory.
    public static func of(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count).map { _ in String(cString: buffer) } ?? FileManager.default.currentDirectoryPath
            absolute = cwd + "/" + path
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        guard !parts.isEmpty else { return "/" }
        var standard = ""
        for part in parts { standard += "/" + String(part) }
        return standard
    }

    /// The file URL of `path` standardized; `isDirectory` says what it names, so nothing is looked up.
    public static func url(_ path: String, isDirectory: Bool) -> URL {
        URL(fileURLWithPath: of(path), isDirectory: isDirectory)
    }
}
