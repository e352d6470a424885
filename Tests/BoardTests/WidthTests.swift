import EscalationKit
import Testing
@testable import Board

@Suite struct WidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("Acme Corp") == 9)
    }

    @Test func eastAsianWideAndFullwidthAreTwo() {
        #expect(DisplayWidth.of("株式会社") == 8)
        #expect(DisplayWidth.of("ｱ") == 1)      // halfwidth katakana
        #expect(DisplayWidth.of("Ａ") == 2)     // fullwidth A
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func combiningMarksAndZeroWidthAreNone() {
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("A\u{0308}\u{0323}") == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
    }

    @Test func emojiPresentationIsTwo() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("☕") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of("🇩🇪") == 2)
        #expect(DisplayWidth.of("❤️") == 2)     // text-default heart with VS16
        #expect(DisplayWidth.of("❤") == 1)
    }

    @Test func truncationCutsByColumnsOnGraphemeBoundaries() {
        #expect(CellText.truncated("Société Générale", columns: 10) == "Société G…")
        #expect(CellText.truncated("株式会社サンプル", columns: 6) == "株式…")   // 5 columns: a wide char does not fit in the 6th
        #expect(DisplayWidth.of(CellText.truncated("株式会社サンプル", columns: 6)) == 5)
        #expect(CellText.truncated("Zoe\u{0301}Zoe\u{0301}", columns: 4) == "Zoe\u{0301}…")
        #expect(CellText.truncated("👩‍💻👩‍💻👩‍💻", columns: 5) == "👩‍💻👩‍💻…")
        #expect(CellText.truncated("short", columns: 10) == "short")
        #expect(CellText.truncated("abcdef", columns: 4, unicode: false) == "abc~")
    }

    @Test func asciiFallbackFoldsAccentsAndMarksTheRest() {
        #expect(CellText.ascii("Société Générale") == "Societe Generale")
        #expect(CellText.ascii("Zoë 株") == "Zoe ??")
    }

    @Test func controlsAreNeutralizedOnTheWayIn() {
        let shown = CellText.fitted("a\u{1B}[2Jb\u{9B}c\u{202E}d", columns: 40, unicode: true)
        #expect(shown == "a␛[2Jb⍰c⍰d")
    }

    @Test func gridWritesWideCharactersAsTwoCells() {
        var grid = ScreenGrid(size: Size(width: 6, height: 1))
        grid.put("株a式", row: 0, column: 0)
        #expect(grid[0, 0].text == "株")
        #expect(grid[0, 1].isContinuation)
        #expect(grid[0, 2].text == "a")
        #expect(grid.plainText == "株a式 ")
        grid.put("x", row: 0, column: 1)  // overwriting the right half blanks the left half
        #expect(grid.plainText == " xa式 ")
    }
}
