import Foundation
import CNcurses
import Board

/// The terminal taken over by ncurses, and given back exactly once.
final class CursesSession {
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private var ended = false

    /// Opens the terminal on standard input and output. Refuses before ncurses writes anything when
    /// they are not a terminal or TERM has no terminfo entry.
    init() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty else { throw .unknownTerminal(term) }
        switch cn_terminfo_drawable(term, STDOUT_FILENO) {
        case 1: break
        case 0: throw .cannotDraw(term)
        default: throw .unknownTerminal(term)
        }
        guard let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r") else {
            throw .notATerminal
        }
        guard let screen = newterm(term, output, input) else {
            fclose(output)
            fclose(input)
            throw .unknownTerminal(term)
        }
        self.screen = screen
        self.output = output
        self.input = input
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        // Long enough for an escape sequence over slow SSH, short enough that Esc feels instant.
        set_escdelay(25)
        curs_set(0)
        // Clicks and the wheel, where the terminal reports them (ESCALATOR_NO_MOUSE=1 keeps the
        // terminal's own text selection).
        if ProcessInfo.processInfo.environment["ESCALATOR_NO_MOUSE"] != "1" { _ = cn_enable_mouse() }
        Signals.markActive(true)
    }

    var size: Size { Size(width: Int(cn_cols()), height: Int(cn_lines())) }

    /// Gives the terminal back: cursor, echo, line mode, the main screen.
    func end() {
        guard !ended else { return }
        ended = true
        Signals.markActive(false)
        curs_set(1)
        endwin()
        cn_clear_without_alternate_screen(output)
        delscreen(screen)
        fclose(output)
        fclose(input)
    }

    deinit { end() }
}
