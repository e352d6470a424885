import Foundation
import Testing
@testable import Board
import Configuration

/// The theme files in Themes/ and the messages for broken ones: the TOML read by Configuration's
/// `ThemeSettings` (TOMLKit), what it says read by Board's `ThemeFile`, as `escalator board` does.
@Suite struct ThemeFileTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")
    static let shipped = ["default", "light", "high-contrast", "solarized", "monochrome"]

    /// A base with no roles, so a parsed theme holds exactly what its file says.
    static let empty = Theme(name: "empty", roles: [:], selection: [])

    static func parse(_ text: String) throws(ThemeError) -> Theme {
        try ThemeFile.parse(text, file: "bad.toml", name: "bad")
    }

    @Test func everyShippedThemeIsBuiltInWithTheSameText() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themes.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltInThemes.names))
        #expect(Set(BuiltInThemes.names) == Set(Self.shipped))
        for name in BuiltInThemes.names {
            let text = try String(contentsOf: Self.themes.appendingPathComponent("\(name).toml"), encoding: .utf8)
            #expect(BuiltInThemes.text(named: name) == text, "Themes/\(name).toml and BuiltInThemes differ: copy the file into BuiltInThemes.swift")
        }
        #expect(BuiltInThemes.text(named: "nosuch") == nil)
    }

    /// TOML the old hand-written reader refused: literal strings, quoted keys, no spaces, escapes,
    /// a multi-line description, inline comments after a literal, CRLF line ends.
    @Test func validTOMLIsRead() throws {
        let lines = [
            #"description = """"#,
            "A theme for the wall screen,",
            #"in two lines.""""#,
            "'critical' = 'bright-red, bold'   # a literal string",
            #""high"="214""#,
            #"medium = "75/bright-blue, underline"\#r"#,
            #"name = "wall \u00e9""#,
        ]
        let theme = try Self.parse(lines.joined(separator: "\n"))
        #expect(theme.name == "wall é")
        #expect(theme.roles[.critical]!.foreground == Color(.red, bright: true))
        #expect(theme.roles[.high]!.foreground == Color(.yellow, index256: 214))
        #expect(theme.roles[.medium]!.attributes == .underline)
    }

    @Test(arguments: shipped) func everyShippedThemeParsesAndDefinesEveryRole(name: String) throws {
        let file = Self.themes.appendingPathComponent("\(name).toml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let theme = try ThemeFile.parse(text, file: file.path, name: name, base: Self.empty)
        #expect(theme.name == name)
        #expect(Set(theme.roles.keys) == Set(Role.allCases), "missing: \(Set(Role.allCases).subtracting(theme.roles.keys))")
        #expect(!theme.selection.isEmpty)
    }

    @Test func theDefaultFileIsTheBuiltInDefault() throws {
        let text = try String(contentsOf: Self.themes.appendingPathComponent("default.toml"), encoding: .utf8)
        let theme = try ThemeFile.parse(text, file: "default.toml", name: "default", base: Self.empty)
        for role in Role.allCases {
            for depth in ColorDepth.allCases {
                #expect(theme.resolved(role, depth: depth) == Theme.standard.resolved(role, depth: depth), "\(role) at \(depth)")
            }
        }
    }

    @Test func shippedThemesLookDifferent() throws {
        var looks: [[Theme.Resolved]] = []
        for name in Self.shipped {
            let text = try String(contentsOf: Self.themes.appendingPathComponent("\(name).toml"), encoding: .utf8)
            let theme = try ThemeFile.parse(text, file: name, name: name)
            looks.append(Role.allCases.map { theme.resolved($0, depth: .full) })
        }
        #expect(Set(looks.map { "\($0)" }).count == Self.shipped.count)
    }

    @Test func monochromeUsesNoColourEvenOn256Colours() throws {
        let text = try String(contentsOf: Self.themes.appendingPathComponent("monochrome.toml"), encoding: .utf8)
        let theme = try ThemeFile.parse(text, file: "monochrome.toml", name: "monochrome")
        for role in Role.allCases {
            #expect(theme.resolved(role, depth: .full).foreground == nil && theme.resolved(role, depth: .full).background == nil)
        }
        #expect(theme.resolved(.critical, depth: .full).attributes.contains(.reverse))
    }

    @Test func colourWordsAndAttributes() throws {
        let theme = try Self.parse("""
            # comment
            critical = "bright-red on #002b36, bold, mono:reverse"   # trailing comment
            high = "214"
            medium = "75/bright-blue, underline"
            dim = "on blue"
            normal = "default"
            selection = "reverse, bold"
            name = "mine"
            """)
        #expect(theme.name == "mine")
        let critical = theme.roles[.critical]!
        #expect(critical.foreground == Color(.red, bright: true))
        #expect(critical.background?.index256 == 234)
        #expect(critical.attributes == .bold && critical.monochrome == .reverse)
        #expect(theme.roles[.high]!.foreground == Color(.yellow, index256: 214))
        #expect(theme.roles[.medium]!.foreground == Color(.blue, bright: true, index256: 75))
        #expect(theme.roles[.dim]!.background == Color(.blue) && theme.roles[.dim]!.foreground == nil)
        #expect(theme.roles[.normal]! == Theme.Appearance())
        #expect(theme.selection == [.reverse, .bold])
        // Roles left out keep the base theme's look.
        #expect(theme.roles[.header] == Theme.standard.roles[.header])
    }

    @Test(arguments: [
        ("critcal = \"red\"", 1, "unknown role \"critcal\" (did you mean critical?)"),
        ("\n\nbanana = \"red\"", 3, "unknown role \"banana\"; the roles are normal, header"),
        ("critical = \"redd\"", 1, "critical: bad colour \"redd\"; use a name (red, bright-red, …), 0–255, #rrggbb or default"),
        ("critical = \"256\"", 1, "critical: bad colour \"256\": an index is 0 to 255"),
        ("critical = \"#12345\"", 1, "critical: bad colour \"#12345\""),
        ("critical = \"red, blinking\"", 1, "critical: unknown attribute \"blinking\"; use bold, dim, reverse, underline"),
        ("critical = \"red, mono:loud\"", 1, "critical: unknown attribute \"loud\" after mono:"),
        ("critical = \"red/196\"", 1, "critical: bad fallback \"196\" in \"red/196\""),
        ("critical = \"red on\"", 1, "critical: cannot read the colours \"red on\""),
        ("# fine\ncritical = red", 2, "TOML syntax error at column"),
        ("critical = \"red", 1, "TOML syntax error at column"),
        ("critical \"red\"", 1, "TOML syntax error at column"),
        ("# fine\n\ncritical = 196", 3, "the value of critical must be text in quotes"),
        ("[roles]\ncritical = \"red\"", 1, "sections and dotted keys are not used in theme files"),
        ("normal = \"default\"\ncritical.fg = \"red\"", 2, "sections and dotted keys are not used in theme files"),
        ("critical = \"red\"\nhigh = \"red\"\ncritical = \"blue\"", 3, "TOML syntax error at column"),
        ("selection = \"sparkle\"", 1, "unknown attribute \"sparkle\""),
    ] as [(String, Int, String)])
    func brokenFilesSayWhereAndWhy(text: String, line: Int, message: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("parsed a broken theme: \(text)")
        } catch {
            #expect(error.file == "bad.toml")
            #expect(error.line == line)
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.description.hasPrefix("bad.toml:\(line): "))
        }
    }
}

extension ThemeFile {
    /// Text to theme as `escalator board` reads a file (ThemeLoader.theme): TOML first, then the looks.
    static func parse(_ text: String, file: String, name: String, base: Theme = .standard) throws(ThemeError) -> Theme {
        let settings: [Setting]
        do {
            settings = try ThemeSettings.read(text, file: file)
        } catch {
            throw ThemeError(file: file, line: error.problems.first?.line, message: error.problems.first?.message ?? "")
        }
        return try theme(from: settings, file: file, name: name, base: base)
    }
}
