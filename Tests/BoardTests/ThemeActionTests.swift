import Testing
@testable import Board

/// `:theme NAME` through its effect and answers: a loaded theme replaces the look, a failure keeps it.
@Suite struct ThemeActionTests {
    @Test func aLoadedThemeReplacesTheLook() throws {
        var state = Fixture.state()
        let light = try ThemeFile.parse("name = \"light\"\ncritical = \"160/red\"", file: "light.toml", name: "light")
        _ = state.handle(.themeLoaded(light))
        #expect(state.theme == light)
        #expect(state.message == BoardState.Message("Theme light.", isError: false))
    }

    @Test func aFailureKeepsTheThemeAndSaysWhere() {
        var state = Fixture.state()
        _ = state.handle(.themeFailed("Theme bad.toml:3: unknown role \"critcal\" (did you mean critical?)"))
        #expect(state.theme == .standard)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("bad.toml:3") == true)
        #expect(state.message?.text.hasSuffix("keeping theme default") == true)
    }

    @Test func theEffectNamesTheTheme() {
        #expect(Effect.loadTheme("solarized") != Effect.loadTheme("light"))
    }
}
