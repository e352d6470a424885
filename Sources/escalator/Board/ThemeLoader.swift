import Board
import EscalationStore
import Foundation
import Configuration

/// Finds and reads theme files: a path, or a name looked up in the theme directories.
///
/// Names are looked up in `$ESCALATOR_THEMES`, `<store>/themes` (a directory store's),
/// `~/.config/escalator/themes`, then
/// among the themes compiled into the program (`BuiltInThemes`, the files of `Themes/`), so an
/// installed or copied binary needs no file beside it. The copies `make install` puts in
/// `share/escalator/themes` are for people to copy and edit; they are not looked up, so an old
/// install's files never shadow the program's own themes.
struct ThemeLoader {
    let directories: [URL]
    /// The store's directory: its `themes/` may hold files any member put there, read only when
    /// trusted. Nil for a store that is not a directory.
    let storeDirectory: URL?

    init(storeDirectory: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.storeDirectory = storeDirectory
        var directories: [URL] = []
        if let explicit = environment["ESCALATOR_THEMES"], !explicit.isEmpty { directories.append(URL(fileURLWithPath: explicit)) }
        if let storeDirectory { directories.append(storeDirectory.appendingPathComponent("themes")) }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            directories.append(URL(fileURLWithPath: config).appendingPathComponent("escalator/themes"))
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(URL(fileURLWithPath: home).appendingPathComponent(".config/escalator/themes"))
        }
        self.directories = directories
    }

    /// The theme named `nameOrPath`, or why it cannot be used.
    func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix("." + ThemeFile.fileExtension)
        if isPath { return try read(URL(fileURLWithPath: nameOrPath), shownAs: nameOrPath) }
        for directory in directories {
            let file = directory.appendingPathComponent(nameOrPath + "." + ThemeFile.fileExtension)
            if FileManager.default.fileExists(atPath: file.path) { return try read(file, shownAs: file.path) }
        }
        if let text = BuiltInThemes.text(named: nameOrPath) { return try Self.theme(text, file: "built-in theme \(nameOrPath)", name: nameOrPath) }
        let known = available.joined(separator: ", ")
        throw ThemeError(file: nameOrPath, line: nil,
                         message: "no theme of that name" + (known.isEmpty ? "" : "; the themes are \(known)") + ", or give a file's path")
    }

    /// The names of the themes found in the directories.
    var available: [String] {
        var names = Set(BuiltInThemes.names)
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix("." + ThemeFile.fileExtension) {
                names.insert(String(file.dropLast(ThemeFile.fileExtension.count + 1)))
            }
        }
        return names.sorted()
    }

    private func read(_ url: URL, shownAs: String) throws(ThemeError) -> Theme {
        if let storeDirectory,
           url.deletingLastPathComponent().standardizedFileURL.path == storeDirectory.appendingPathComponent("themes").standardizedFileURL.path {
            let bytes: [UInt8]?
            do { bytes = try TrustedFile.read(url.path, storeDirectory: storeDirectory, inStore: true) } catch {
                throw ThemeError(file: shownAs, line: nil, message: error.reason)
            }
            guard let bytes else { throw ThemeError(file: shownAs, line: nil, message: "no such theme file") }
            return try parse(Data(bytes), url: url, shownAs: shownAs)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw ThemeError(file: shownAs, line: nil, message: exists ? "cannot be read (check its permissions)" : "no such theme file")
        }
        return try parse(data, url: url, shownAs: shownAs)
    }

    private func parse(_ data: Data, url: URL, shownAs: String) throws(ThemeError) -> Theme {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: shownAs, line: nil, message: "is not UTF-8 text")
        }
        let name = url.deletingPathExtension().lastPathComponent
        return try Self.theme(text, file: shownAs, name: name)
    }

    /// A theme file's text read as TOML (`ThemeSettings`), then as roles and looks (`ThemeFile`).
    static func theme(_ text: String, file: String, name: String) throws(ThemeError) -> Theme {
        let settings: [ThemeFile.Setting]
        do {
            settings = try ThemeSettings.read(text, file: file)
        } catch {
            let first = error.problems.first
            throw ThemeError(file: file, line: first?.line, message: first?.message ?? "cannot be read")
        }
        return try ThemeFile.theme(from: settings, file: file, name: name)
    }
}
