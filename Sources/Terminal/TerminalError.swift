/// Why the board cannot take over the terminal, in one line a person can act on.
public enum TerminalError: Error, CustomStringConvertible, Sendable {
    case notATerminal
    case unknownTerminal(String)
    /// TERM names a terminal that cannot move the cursor (TERM=dumb): a board would draw nothing usable.
    case cannotDraw(String)
    case pipe(Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            "the board needs a terminal: standard input and output must be a TTY (use the command line with --json in scripts)"
        case .unknownTerminal(let term):
            term.isEmpty
                ? "TERM is not set: set it to your terminal's type (e.g. TERM=xterm-256color)"
                : "unknown terminal type TERM=\(term): no terminfo entry (try TERM=xterm-256color)"
        case .cannotDraw(let term):
            "TERM=\(term) cannot draw the board: it has no cursor movement (try TERM=xterm-256color, or use the command line)"
        case .pipe(let code):
            "cannot create the board's wake-up pipe (errno \(code))"
        }
    }
}
