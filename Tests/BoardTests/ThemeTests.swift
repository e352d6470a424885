import Testing
@testable import Board

@Suite struct ThemeTests {
    @Test func coloursDegradeFrom256To16To8ToNone() {
        let theme = Theme.standard
        #expect(theme.resolved(.critical, depth: .full).foreground == 196)
        #expect(theme.resolved(.critical, depth: .sixteen).foreground == 9)
        #expect(theme.resolved(.critical, depth: .eight).foreground == 1)
        #expect(theme.resolved(.critical, depth: .none).foreground == nil)
    }

    @Test func withoutColourAttributesCarryTheMeaning() {
        let theme = Theme.standard
        #expect(theme.resolved(.critical, depth: .none).attributes.contains(.reverse))
        #expect(!theme.resolved(.critical, depth: .full).attributes.contains(.reverse))
        #expect(theme.resolved(.breached, depth: .none).attributes.contains(.underline))
        #expect(theme.resolved(.normal, selected: true, depth: .none).attributes.contains(.reverse))
    }

    @Test func depthFollowsTheTerminalAndNoColor() {
        #expect(ColorDepth(colors: 256, noColor: false) == .full)
        #expect(ColorDepth(colors: 16, noColor: false) == .sixteen)
        #expect(ColorDepth(colors: 8, noColor: false) == .eight)
        #expect(ColorDepth(colors: 0, noColor: false) == .none)
        #expect(ColorDepth(colors: 256, noColor: true) == .none)
    }
}
