import Foundation

/// What the environment says about the terminal: the locale's encoding and NO_COLOR.
public enum TerminalEnvironment {
    /// Sets the locale from the environment (LANG, LC_ALL), as ncursesw needs for wide characters.
    public static func adoptLocale() {
        setlocale(LC_ALL, "")
    }

    /// True when the locale's character set is UTF-8 (call after `adoptLocale`).
    public static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "")
        return name == "UTF8"
    }

    /// True when NO_COLOR is set to anything non-empty (no-color.org).
    public static var noColor: Bool {
        !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
