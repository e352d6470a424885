/// A key press as the board understands it, decoded from the terminal by `Terminal`.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("u")` for Ctrl-U.
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, backspace, delete, tab
    /// Shift-Tab (ncurses' KEY_BTAB): the previous field in a form.
    case backTab
    /// A click or a wheel turn, where the terminal reports the mouse.
    case mouse(Mouse)
}
