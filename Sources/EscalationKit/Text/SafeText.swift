/// Text from the store on its way to a terminal: control characters, escape sequences, C1 and bidi
/// controls become visible placeholders, so nothing typed into an escalation can move a cursor,
/// change a title bar or reorder what a reader sees.
public enum SafeText {
    /// The first scalar that must not be stored in a one-line field, or nil.
    /// Newlines and tabs are allowed (descriptions have paragraphs); everything else that controls a terminal is not.
    public static func firstUnsafeScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { isControl($0) && $0 != "\n" && $0 != "\t" }
    }

    /// True for C0, DEL, C1 and the bidi controls.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }

    /// The text with every control replaced by a visible placeholder: `␛` for ESC, `␀`-style
    /// pictures for other C0, `⍰` for C1 and bidi controls. Newlines and tabs become spaces when
    /// `singleLine` is true.
    public static func neutralized(_ text: String, singleLine: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard isControl(s) else { out.append(s); continue }
            switch s.value {
            case 0x0A where !singleLine, 0x09 where !singleLine:
                out.append(s)
            case 0x0A, 0x09, 0x0D:
                out.append(" ")
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + s.value)!)
            case 0x7F:
                out.append("\u{2421}")
            default:
                out.append("\u{2370}")
            }
        }
        return String(out)
    }
}
