import Testing
@testable import Configuration

/// `[board] theme` in the configuration: read by `BoardSettings`, checked with the rest of the file.
@Suite struct BoardSettingsTests {
    @Test func theThemeIsReadAndThePolicyStillParses() throws {
        let text = "[board]\ntheme = \"solarized\"\n"
        _ = try PolicyFile.parse(text: text, path: "escalator.toml")
        #expect(try BoardSettings.parse(text: text, path: "escalator.toml") == BoardSettings(theme: "solarized"))
        #expect(try BoardSettings.parse(text: "[retention]\narchive_after_days = 30\n", path: "x") == BoardSettings())
    }

    @Test func mistakesNameTheLine() {
        #expect(throws: ConfigurationError.self) { try PolicyFile.parse(text: "\n[board]\nthme = \"light\"\n", path: "escalator.toml") }
        do {
            _ = try PolicyFile.parse(text: "\n[board]\nthme = \"light\"\n", path: "escalator.toml")
        } catch {
            #expect(error.description.contains("escalator.toml:3"), "\(error)")
            #expect(error.description.contains("did you mean theme") || error.description.contains("theme"), "\(error)")
        }
        do {
            _ = try BoardSettings.parse(text: "[board]\ntheme = 3\n", path: "escalator.toml")
            Issue.record("a number is not a theme")
        } catch {
            #expect(error.description.contains("escalator.toml:2"), "\(error)")
        }
    }

    @Test func theShippedConfigurationStatesTheDefaultTheme() throws {
        let path = "escalator.toml"
        let text = DefaultConfiguration.text
        _ = try PolicyFile.parse(text: text, path: path)
        #expect(try BoardSettings.parse(text: text, path: path).theme == "default")
    }
}
