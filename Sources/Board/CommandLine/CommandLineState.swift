/// The `:` command line: the text typed, the commands run before (for ↑/↓), and the completions
/// Tab last offered.
public struct CommandLineState: Hashable, Sendable {
    public var isOpen = false
    public var text = ""
    /// Commands entered this session, oldest first.
    public internal(set) var history: [String] = []
    /// Where ↑/↓ are in the history; nil while editing a new line.
    var historyIndex: Int?
    /// The line being typed before ↑ was pressed, given back by ↓ past the newest entry.
    var draft = ""
    /// What Tab offered when it could not complete to one value; shown until the next key.
    public internal(set) var candidates: [String] = []
    /// The theme names `:theme` completes (the theme files found, when the shell tells the board).
    public var themeNames = ["default", "light", "high-contrast", "solarized", "monochrome"]

    static let historyLimit = 100

    public init() {}

    mutating func record(_ line: String) {
        historyIndex = nil
        draft = ""
        guard !line.isEmpty, history.last != line else { return }
        history.append(line)
        if history.count > Self.historyLimit { history.removeFirst() }
    }

    /// ↑ (`step` -1) and ↓ (+1) through the history.
    mutating func browse(_ step: Int) {
        guard !history.isEmpty else { return }
        if historyIndex == nil {
            guard step < 0 else { return }
            draft = text
            historyIndex = history.count
        }
        let index = historyIndex! + step
        if index >= history.count {
            historyIndex = nil
            text = draft
        } else {
            historyIndex = max(0, index)
            text = history[historyIndex!]
        }
    }
}
