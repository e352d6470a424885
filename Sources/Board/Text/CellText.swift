import EscalationKit
import Foundation

/// Store text on its way into cells: neutralized (no control reaches the terminal), folded to
/// ASCII when the terminal cannot show Unicode, and cut to a number of columns.
public enum CellText {
    /// The ellipsis that marks cut text.
    public static func ellipsis(unicode: Bool) -> String { unicode ? "…" : "~" }

    /// `text` made safe and cut to at most `columns` columns with an ellipsis, never splitting a grapheme.
    public static func fitted(_ text: String, columns: Int, unicode: Bool) -> String {
        var safe = SafeTextBridge.neutralized(text)
        if !unicode { safe = ascii(safe) }
        return truncated(safe, columns: columns, unicode: unicode)
    }

    /// Cuts text that is wider than `columns`, ending it with an ellipsis; shorter text is unchanged.
    public static func truncated(_ text: String, columns: Int, unicode: Bool = true) -> String {
        guard columns > 0 else { return "" }
        if DisplayWidth.of(text) <= columns { return text }
        let mark = ellipsis(unicode: unicode)
        let budget = columns - DisplayWidth.of(mark)
        var out = ""
        var used = 0
        for character in text {
            let width = DisplayWidth.of(character)
            if used + width > budget { break }
            out.append(character)
            used += width
        }
        return out + mark
    }

    /// The closest ASCII: accents dropped (Société → Societe), anything else one `?` per column.
    public static func ascii(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        for character in folded {
            if character.isASCII { out.append(character); continue }
            out += String(repeating: "?", count: max(1, DisplayWidth.of(character)))
        }
        return out
    }

    /// Pads (or cuts) text to exactly `columns` columns.
    public static func padded(_ text: String, columns: Int, unicode: Bool = true) -> String {
        let cut = truncated(text, columns: columns, unicode: unicode)
        return cut + String(repeating: " ", count: max(0, columns - DisplayWidth.of(cut)))
    }
}
