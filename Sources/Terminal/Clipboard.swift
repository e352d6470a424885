import Foundation

/// The user's clipboard through the terminal itself (OSC 52), so a copy works over SSH and in tmux
/// (with `set-clipboard on`): the terminal, not this host, owns the clipboard.
enum Clipboard {
    /// The escape sequence that sets the clipboard ("c") to `text`.
    static func sequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// Writes the sequence straight to the terminal, beside ncurses (which has flushed its last frame).
    static func copy(_ text: String) {
        let bytes = Array(sequence(text).utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            written += n
        }
    }
}
