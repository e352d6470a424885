/// Numbers drawn large for a wall screen: a 5-pixel-high font scaled by whole pixels, drawn with
/// half blocks (two pixels a cell, so a pixel is about square) or, without Unicode, with `#`.
enum BigText {
    /// The glyphs, five rows of pixels each (`#` on).
    static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"],
        "3": ["###", "  #", "###", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"],
        "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"],
        "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"],
        "9": ["###", "# #", "###", "  #", "###"],
        ".": [" ", " ", " ", " ", "#"],
        "-": ["   ", "   ", "###", "   ", "   "],
        "k": ["#  ", "# #", "## ", "# #", "# #"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        " ": [" ", " ", " ", " ", " "],
    ]

    /// True when every character of `text` has a big glyph.
    static func canDraw(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { font[$0] != nil } }

    /// Rows on screen for the font at `scale`.
    static func height(scale: Int, unicode: Bool) -> Int { unicode ? (5 * scale + 1) / 2 : 5 * scale }

    /// Columns on screen for `text` at `scale` (one pixel of air between glyphs).
    static func width(_ text: String, scale: Int) -> Int {
        let pixels = text.reduce(0) { $0 + (font[$1]?.first?.count ?? 0) } + max(0, text.count - 1)
        return pixels * scale
    }

    /// The lines that draw `text` at `scale`, or nil when a character has no glyph.
    static func lines(_ text: String, scale: Int, unicode: Bool) -> [String]? {
        guard canDraw(text), scale >= 1 else { return nil }
        // The pixel rows at scale 1, glyphs side by side.
        var pixels = Array(repeating: "", count: 5)
        for (i, c) in text.enumerated() {
            for row in 0..<5 { pixels[row] += (i > 0 ? " " : "") + font[c]![row] }
        }
        let scaled: [[Bool]] = pixels.flatMap { row -> [[Bool]] in
            let bits = row.flatMap { Array(repeating: $0 == "#", count: scale) }
            return Array(repeating: bits, count: scale)
        }
        guard unicode else { return scaled.map { String($0.map { $0 ? "#" : " " }) } }
        var out: [String] = []
        for top in stride(from: 0, to: scaled.count, by: 2) {
            let upper = scaled[top]
            let lower = top + 1 < scaled.count ? scaled[top + 1] : Array(repeating: false, count: upper.count)
            out.append(String(zip(upper, lower).map { u, l in u && l ? "█" : u ? "▀" : l ? "▄" : " " }))
        }
        return out
    }
}
