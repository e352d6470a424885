import Foundation
import Testing
import EscalationKit

/// `trimmed` and `trimmedSpaces` cut what Foundation's `.whitespacesAndNewlines` and `.whitespaces`
/// cut, scalar for scalar: they replaced it everywhere (issue 14), so no text may read differently.
@Suite struct TrimmingTests {
    static let samples: [String] = [
        "", " ", "\t\n", "plain", "  two words  ", "\tTab\t", "\nline\n", "\r\nCRLF\r\n",
        "\u{A0}no-break\u{A0}", "\u{3000}ideographic\u{3000}", "\u{2028}separator\u{2029}", "\u{85}next line\u{85}",
        "\u{200B}zero width\u{200B}", "\u{FEFF}bom", " e\u{301} ", " \u{301}accent", "naïve café 東京 🚀 ", "\u{B}\u{C}vt ff\u{C}",
        "a\u{2003}", "\u{1680}ogham", " inner  space stays ",
    ]

    @Test(arguments: samples)
    func trimmedCutsWhatWhitespacesAndNewlinesCuts(_ text: String) {
        #expect(Array(text.trimmed.unicodeScalars) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
        #expect(Array(text[...].trimmed.unicodeScalars) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
    }

    @Test(arguments: samples)
    func trimmedSpacesCutsWhatWhitespacesCuts(_ text: String) {
        #expect(Array(text.trimmedSpaces.unicodeScalars) == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars))
    }

    @Test func everyWhiteSpaceScalarAgreesWithFoundation() {
        for value in UInt32(0)...0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar) + "x" + String(scalar)
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
            #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
    }
}

/// Folding ASCII takes a shortcut past Foundation (issue 14); it must fold exactly as Foundation does.
@Suite struct SearchTextFoldTests {
    @Test func asciiFoldsAsFoundationFolds() {
        let every = String((0x00...0x7F).map { Character(Unicode.Scalar(UInt8($0))) })
        for text in [every, "Lena.Vogel_2", "ALICE", "bob-Smith", "", "MiXeD 123 !@#"] {
            #expect(SearchText.fold(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil))
        }
    }

    @Test func otherTextStillFoldsAccentsAndWidths() {
        #expect(SearchText.fold("Zürich") == "zurich")
        #expect(SearchText.fold("ＡＢＣ") == "abc")
    }
}
