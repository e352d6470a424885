import Testing
import Board
@testable import Terminal

/// The escape sequences the board decodes itself when the terminfo entry in force lacks them.
@Suite struct KeyDecoderTests {
    static func bytes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func commonSequencesAreKeys() {
        let expected: [String: Key] = [
            "[1~": .home, "[7~": .home, "[H": .home, "OH": .home, "[4~": .end, "[8~": .end, "[F": .end, "OF": .end,
            "[3~": .delete, "[5~": .pageUp, "[6~": .pageDown, "[A": .up, "OB": .down, "[C": .right, "[D": .left,
            "[Z": .backTab, "OM": .enter, "[1;5H": .home, "[3;2~": .delete, "[1;5A": .up,
        ]
        for (text, key) in expected { #expect(KeyDecoder.escape(Self.bytes(text)) == key, "ESC \(text)") }
    }

    @Test func anythingElseIsNoKey() {
        for text in ["[", "O", "[2~", "[99~", "[1x~", "Ox", "OAB", "[?1h"] {
            #expect(KeyDecoder.escape(Self.bytes(text)) == nil, "ESC \(text)")
        }
    }
}
