import Foundation
import EscalationKit

/// What the theme files in `Themes/` mean, once their TOML is read: one role a top-level key.
///
///     # a comment
///     name = "solarized"
///     critical = "bright-red on default, bold, mono:reverse"
///     dim = "245/white, dim"
///     selection = "reverse"
///
/// A colour is a name (`red`, `bright-red`, … `white`, `bright-white`), a 256-colour index (`196`),
/// `#rrggbb`, or `default` (the terminal's own); `COLOUR/NAME` sets the fallback used on 16 and 8
/// colours. Attributes: `bold`, `dim`, `reverse`, `underline`; `mono:ATTR` is added only when the
/// terminal shows no colour, so the meaning survives. Roles left out keep the base theme's look.
///
/// Board reads no files and no TOML: the caller parses the file (EscalationStore's `ThemeSettings`,
/// with TOMLKit) and hands over its settings, each with the line it is written on.
public enum ThemeFile {
    /// One `key = "text"` of a theme file, and the 1-based line it is written on (nil when unknown).
    public typealias Setting = (key: String, value: String, line: Int?)

    /// The file's extension, as looked for in the theme directories.
    public static let fileExtension = "toml"

    /// The theme a file's settings describe; `file` only names the file in errors, `name` is used when
    /// the settings set none. Settings are read in line order, so the first mistake in the file is reported.
    public static func theme(from settings: [Setting], file: String, name: String, base: Theme = .standard) throws(ThemeError) -> Theme {
        var theme = base
        theme.name = name
        for setting in settings.sorted(by: { ($0.line ?? .max) < ($1.line ?? .max) }) {
            let (key, value) = (setting.key, setting.value)
            func fail(_ message: String) -> ThemeError { ThemeError(file: file, line: setting.line, message: message) }
            switch key {
            case "name":
                guard !value.isEmpty else { throw fail("name must not be empty") }
                theme.name = value
            case "description":
                continue
            case "selection":
                var attributes: Theme.Attributes = []
                for word in items(value) {
                    guard let a = attribute(word) else { throw fail("unknown attribute \"\(word)\"; use " + attributeNames) }
                    attributes.insert(a)
                }
                theme.selection = attributes
            default:
                guard let role = Role(rawValue: key) else {
                    let keys = Role.allCases.map(\.rawValue) + ["name", "description", "selection"]
                    let hint = nearest(key, among: keys).map { " (did you mean \($0)?)" } ?? "; the roles are " + Role.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("unknown role \"\(key)\"" + hint)
                }
                do {
                    theme.roles[role] = try appearance(value)
                } catch {
                    throw fail("\(key): \(error.message)")
                }
            }
        }
        return theme
    }

    /// One role's look: `[FG] [on BG] [, attribute]...`.
    static func appearance(_ value: String) throws(ThemeError) -> Theme.Appearance {
        var look = Theme.Appearance()
        for (index, item) in items(value).enumerated() {
            if item.hasPrefix("mono:") {
                let word = String(item.dropFirst(5))
                guard let a = attribute(word) else { throw problem("unknown attribute \"\(word)\" after mono:; use " + attributeNames) }
                look.monochrome.insert(a)
            } else if let a = attribute(item) {
                look.attributes.insert(a)
            } else if index == 0 {
                let words = item.split(separator: " ").map(String.init)
                var foreground: String?, background: String?
                switch words.count {
                case 1: foreground = words[0]
                case 2 where words[0] == "on": background = words[1]
                case 3 where words[1] == "on": foreground = words[0]; background = words[2]
                default: throw problem("cannot read the colours \"\(item)\"; write FG, FG on BG or on BG")
                }
                if let foreground { look.foreground = try color(foreground) }
                if let background { look.background = try color(background) }
            } else {
                throw problem("unknown attribute \"\(item)\"; use " + attributeNames + " (colours come first)")
            }
        }
        return look
    }

    /// A colour word: a name, an index, #rrggbb or default (nil), with an optional /NAME fallback.
    static func color(_ word: String) throws(ThemeError) -> Color? {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else { throw problem("bad colour \"\(word)\": at most one /fallback") }
        let main = parts[0].lowercased()
        var color: Color
        if main == "default" || main == "none" {
            guard parts.count == 1 else { throw problem("bad colour \"\(word)\": default has no fallback") }
            return nil
        } else if let named = named(main) {
            color = named
        } else if let index = Int(main) {
            guard (0...255).contains(index) else { throw problem("bad colour \"\(word)\": an index is 0 to 255") }
            color = Color(index256: index)
        } else if main.hasPrefix("#"), main.count == 7, let rgb = Int(main.dropFirst(), radix: 16) {
            color = Color(red: rgb >> 16, green: (rgb >> 8) & 0xFF, blue: rgb & 0xFF)
        } else {
            throw problem("bad colour \"\(word)\"; use a name (red, bright-red, …), 0–255, #rrggbb or default")
        }
        if parts.count == 2 {
            guard let fallback = named(parts[1].lowercased()) else {
                throw problem("bad fallback \"\(parts[1])\" in \"\(word)\"; a fallback is a colour name such as white or bright-blue")
            }
            color.basic = fallback.basic
            color.bright = fallback.bright
        }
        return color
    }

    static func named(_ word: String) -> Color? {
        let bright = word.hasPrefix("bright-")
        let base = bright ? String(word.dropFirst(7)) : word
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        guard let index = names.firstIndex(of: base == "grey" || base == "gray" ? "white" : base) else { return nil }
        return Color(Color.Basic(rawValue: index)!, bright: bright)
    }

    static let attributeNames = "bold, dim, reverse, underline"

    static func attribute(_ word: String) -> Theme.Attributes? {
        switch word {
        case "bold": .bold
        case "dim": .dim
        case "reverse": .reverse
        case "underline": .underline
        default: nil
        }
    }

    static func items(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmedSpaces.lowercased() }.filter { !$0.isEmpty }
    }

    /// A problem in a value; `theme(from:)` adds the file and line.
    static func problem(_ message: String) -> ThemeError { ThemeError(file: "", line: nil, message: message) }

    /// The closest known name within two edits, for "did you mean".
    static func nearest(_ word: String, among names: [String]) -> String? {
        let scored = names.map { ($0, NearestName.editDistance(word.lowercased(), $0.lowercased())) }
        return scored.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }
}
