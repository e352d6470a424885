import Foundation
import CNcurses

/// The write end of the wake-up pipe, for signal handlers (which may only call async-signal-safe
/// functions, so they write one byte and the main thread does the rest).
nonisolated(unsafe) private var signalPipe: Int32 = -1
/// True between taking over the terminal and giving it back, for the `atexit` last resort.
nonisolated(unsafe) private var cursesActive = false

/// Routes SIGINT, SIGTERM and SIGHUP to the loop, which restores the terminal on the main thread.
enum Signals {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install(pipe: Int32) {
        signalPipe = pipe
        let handler: @convention(c) (Int32) -> Void = { number in
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(signalPipe, &byte, 1)
        }
        for number in handled { _ = signal(number, handler) }
        // Some code path may still call exit() while ncurses owns the screen: give it back then too.
        _ = atexit { Signals.restoreIfActive() }
    }

    static func uninstall() {
        for number in handled { _ = signal(number, SIG_DFL) }
    }

    static func markActive(_ active: Bool) { cursesActive = active }

    static func restoreIfActive() {
        if cursesActive {
            cursesActive = false
            endwin()
        }
    }
}
