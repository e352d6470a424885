import EscalationKit

/// The one door store text passes through into cells: `SafeText.neutralized`, plus a placeholder
/// for a combining mark that has no base to sit on (it would otherwise merge into the cell before).
enum SafeTextBridge {
    static func neutralized(_ text: String) -> String {
        var safe = SafeText.neutralized(text, singleLine: true)
        if let first = safe.first, DisplayWidth.of(first) == 0, first.unicodeScalars.first.map({ DisplayWidth.isZeroWidth($0) }) == true {
            safe = "\u{25CC}" + safe
        }
        return safe
    }
}
