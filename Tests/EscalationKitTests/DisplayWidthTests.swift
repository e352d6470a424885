import Testing
@testable import EscalationKit

@Suite struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("Acme") == 4)
        #expect(DisplayWidth.of("Société Générale") == 16)
        #expect(DisplayWidth.of("e\u{301}") == 1)          // combining acute
        #expect(DisplayWidth.of("株式会社") == 8)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("❤️") == 2)               // VS16 emoji presentation
        #expect(DisplayWidth.of("서울") == 4)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("株式会社ヒカリ", to: 7) == "株式会…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("株式会社ヒカリ", to: 6)) <= 6)
        #expect(DisplayWidth.truncate("Acme", to: 4) == "Acme")
        #expect(DisplayWidth.pad("🚀x", to: 5) == "🚀x  ")
        #expect(DisplayWidth.truncate("abcdef", to: 4, unicode: false) == "abc.")
    }
}
