/// White space cut from both ends of a text, in plain Swift: Foundation's `trimmingCharacters(in:)`
/// bridges through NSString and builds its character set on first use, which every command paid at
/// start (reading the working hours and the people; about 4 % of `update`, measured with `perf`).
extension StringProtocol {
    /// Without white space at either end: spaces, tabs and line breaks (`.whitespacesAndNewlines`).
    public var trimmed: String { trimming { Self.isSpace($0) || Self.isLineBreak($0) } }

    /// Without spaces and tabs at either end; line breaks stay (`.whitespaces`).
    public var trimmedSpaces: String { trimming { Self.isSpace($0) } }

    /// Foundation's `.whitespaces`: Unicode's white space that is not a line break, and the zero width space.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200B || (scalar.properties.isWhitespace && !isLineBreak(scalar))
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private func trimming(_ cut: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        // Most texts have nothing to cut: no index walking, no copy of the scalars.
        if let head = scalars.first, let tail = scalars.last, !cut(head), !cut(tail) { return String(self) }
        guard let first = scalars.firstIndex(where: { !cut($0) }), let last = scalars.lastIndex(where: { !cut($0) }) else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }
}
