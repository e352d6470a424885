/// Puts user-supplied text into Markdown without letting it change the document's structure.
enum MarkdownText {
    /// A one-line field: controls become placeholders, newlines become spaces, and characters that
    /// would start a heading, list or quote at the start of the line are escaped.
    static func inline(_ text: String) -> String {
        let flat = SafeText.neutralized(text.trimmed, singleLine: true)
        return escapeLineStart(flat)
    }

    /// A table cell: one line, with `|` escaped so it cannot open a new column.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// A paragraph field: newlines kept, controls neutralized, and every line that would open a
    /// heading, list, quote, fence, rule or table escaped, so the text stays a paragraph.
    static func block(_ text: String) -> String {
        let safe = SafeText.neutralized(text.trimmed, singleLine: false)
            .replacingOccurrences(of: "\t", with: "    ")
        return safe.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escapeLineStart(String($0).trimmedSpaces) }
            .joined(separator: "\n")
    }

    /// Escapes the first character of a line when it would start a block element.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>-+*=|`~_".contains(first) { return "\\" + line }
        // "1. " or "1) " starts an ordered list.
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = line.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }
}
