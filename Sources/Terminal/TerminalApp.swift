import Foundation
import CNcurses
import Board

/// The board on a real terminal: draws frames, reads keys, runs effects, follows the clock and
/// the store, and restores the terminal on every way out.
public enum TerminalApp {
    /// How the loop ended.
    public struct Outcome: Sendable {
        /// The board as it was when it ended.
        public var state: BoardState
        /// The signal that ended it (SIGINT, SIGTERM, SIGHUP), or nil when the user quit.
        public var signal: Int32?
    }

    /// Runs the board until `q` or a signal. Each effect is given to `perform`, whose answer (if
    /// any) is fed back as an action; `externalActions` carries store changes from other threads
    /// and wakes the loop at once; a tick every `tickInterval` seconds moves the clocks.
    ///
    /// The terminal is restored before this returns or throws. The caller exits with
    /// `128 + signal` when `outcome.signal` is set.
    /// `theme`, when given, replaces the state's theme; a `.themeLoaded` action changes it while the board runs.
    public static func run(initial: BoardState, theme: Theme? = nil, externalActions: ActionQueue,
                           tickInterval: TimeInterval = 1, clock: () -> Date = Date.init,
                           perform: (Effect) -> Action?) throws(TerminalError) -> Outcome {
        TerminalEnvironment.adoptLocale()
        Signals.install(pipe: externalActions.writeEnd)
        defer { Signals.uninstall() }
        let session = try CursesSession()
        defer { session.end() }

        var state = initial
        state.unicode = initial.unicode && TerminalEnvironment.isUTF8
        state.size = session.size
        state.now = clock()
        if let theme { state.theme = theme }
        var paletteTheme = state.theme
        let painter = GridPainter(palette: Palette(theme: paletteTheme, noColor: TerminalEnvironment.noColor))
        painter.paint(BoardView.render(state))

        var quit = false
        /// Applies an action and every effect it leads to; results of effects are actions too.
        func apply(_ action: Action) {
            var queue = [action]
            while !queue.isEmpty, !quit {
                let effects = state.handle(queue.removeFirst())
                for effect in effects {
                    if effect == .quit { quit = true; return }
                    // The effects that need the terminal itself are performed here; the rest by the caller.
                    switch effect {
                    case .editText(let text):
                        queue.append(.textEdited(ExternalEditor.edit(text)))
                        painter.invalidate()
                        queue.append(.resize(session.size))
                    case .copyToClipboard(let text):
                        Clipboard.copy(text)
                    default:
                        if let result = perform(effect) { queue.append(result) }
                    }
                }
            }
        }

        var nextTick = Date().addingTimeInterval(tickInterval)
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: externalActions.readEnd, events: Int16(POLLIN), revents: 0)]
        while !quit {
            let wait = max(0, Int32(nextTick.timeIntervalSinceNow * 1000))
            _ = poll(&fds, 2, wait)
            var dirty = false

            if let number = externalActions.drainWakeups() {
                guard number == SIGINT else { return Outcome(state: state, signal: number) }
                // Ctrl-C is a key like any other: in a form or a prompt it asks what Esc asks;
                // where the key map says quit, the board ends as from SIGINT.
                apply(.key(.control("c")))
                if quit { return Outcome(state: state, signal: number) }
                dirty = true
            }
            for action in externalActions.drain() {
                apply(action)
                dirty = true
            }
            // Read every key ncurses has (a resize arrives as a key too, after SIGWINCH wakes poll).
            readKeys: while !quit {
                switch KeyDecoder.read() {
                case .none: break readKeys
                case .ignored: continue
                case .resize:
                    painter.invalidate()
                    apply(.resize(session.size))
                    dirty = true
                case .key(let key):
                    apply(.key(key))
                    dirty = true
                }
            }
            if Date() >= nextTick {
                apply(.tick(clock()))
                nextTick = Date().addingTimeInterval(tickInterval)
                dirty = true
            }
            if state.theme != paletteTheme {
                paletteTheme = state.theme
                painter.use(Palette(theme: paletteTheme, noColor: TerminalEnvironment.noColor))
            }
            if dirty, !quit { painter.paint(BoardView.render(state)) }
        }
        return Outcome(state: state, signal: nil)
    }
}
