import Foundation

/// Text as a search compares it: case and accents folded ("Zürich" finds "zurich", "ZUR"), and
/// split into words at anything that is not a letter or a digit ("Lena Vogel (VP CS)" has four).
public enum SearchText {
    public static func fold(_ text: String) -> String {
        // ASCII has no accents or widths to fold: lower case is the whole folding, without
        // Foundation's bridge through NSString (logins are folded at every start, issue 14).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    public static func words(_ text: String) -> [Substring] {
        fold(text).split { !$0.isLetter && !$0.isNumber }
    }

    /// How `typed` matches `candidate`: the start of it, somewhere inside it, or not at all.
    /// Completions list prefix matches before the others ("S" offers "Stark" before "Aperture Science").
    public static func match(_ typed: String, in candidate: String) -> Placement? {
        let t = fold(typed.trimmedSpaces)
        guard !t.isEmpty else { return nil }
        let c = fold(candidate)
        if c.hasPrefix(t) { return .prefix }
        return c.contains(t) ? .inside : nil
    }

    public enum Placement: Int, Comparable, Sendable {
        case prefix, inside
        public static func < (a: Placement, b: Placement) -> Bool { a.rawValue < b.rawValue }
    }
}
