/// Keys written as text, as a configuration file names them: `"a"`, `"A"`, `"ctrl-u"`, `"enter"`,
/// `"pgdn"`, `"space"`, `"f"`; and the labels the help screen and footer show for them.
public enum KeyName {
    private static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
        "backspace": .backspace, "delete": .delete, "del": .delete, "space": .character(" "),
        "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]

    /// The key `text` names, or nil when it names none.
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let c = text.first, !c.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) {
            return .character(c)
        }
        let lower = text.lowercased()
        if let key = named[lower] { return key }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter { return .control(c) }
        }
        return nil
    }

    /// How a key is written in help: `a`, `Ctrl-U`, `Enter`, `↑` (`up` without Unicode).
    public static func label(_ key: Key, unicode: Bool = true) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + c.uppercased()
        case .up: unicode ? "↑" : "up"
        case .down: unicode ? "↓" : "down"
        case .left: unicode ? "←" : "left"
        case .right: unicode ? "→" : "right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .mouse: "mouse"
        }
    }

    /// How the footer writes a key, as short as can be read: `^U`, `⏎` (`Enter` without Unicode), `⇧Tab`.
    public static func short(_ key: Key, unicode: Bool = true) -> String {
        switch key {
        case .control(let c): "^" + c.uppercased()
        case .enter: unicode ? "⏎" : "Enter"
        case .backTab: unicode ? "⇧Tab" : "S-Tab"
        default: label(key, unicode: unicode)
        }
    }
}
