import EscalationKit
import Foundation
import Invocation

/// Human output: fits the terminal's width, uses colour only on a terminal and never with
/// `NO_COLOR`, and neutralises every piece of store text before it is printed.
struct Console {
    let colour: Bool
    /// The columns a line may take: `COLUMNS`, else the terminal's width, else 80 on a terminal that
    /// does not say; nil (nothing is cut) when standard output is not a terminal and `COLUMNS` is unset.
    let width: Int?

    static let standard: Console = {
        let env = ProcessEnvironment.variables
        let tty = isatty(STDOUT_FILENO) == 1
        let colour = tty && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        return Console(colour: colour, width: width(columns: env["COLUMNS"], terminal: tty ? terminalColumns() : nil, isTerminal: tty))
    }()

    /// The width rule, apart from the process so that it can be tested.
    static func width(columns: String?, terminal: Int?, isTerminal: Bool) -> Int? {
        if let text = columns, let n = Int(text.trimmedSpaces), n > 0 { return max(20, n) }
        guard isTerminal else { return nil }
        return max(20, terminal ?? 80)
    }

    private static func terminalColumns() -> Int? {
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    enum Tone: String {
        case red = "31", yellow = "33", green = "32", cyan = "36", bold = "1", dim = "2"
    }

    func paint(_ text: String, _ tone: Tone) -> String {
        colour ? "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m" : text
    }

    func tone(for severity: Severity) -> Tone {
        switch severity {
        case .critical: .red
        case .high: .yellow
        case .medium: .cyan
        }
    }

    /// Prints one line, cut to the width (colour codes do not count).
    func print(_ line: String = "") {
        Swift.print(width.map { Console.fitVisible(line, $0) } ?? line)
    }

    /// Prints a sentence wrapped at spaces to the width, later lines indented: a confirmation must
    /// keep every word (the owner's whole name), where a table row may be cut.
    func say(_ sentence: String) {
        guard let width else { return print(sentence) }
        var line = ""
        for word in sentence.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if Console.visibleWidth(candidate) <= width || line.trimmedSpaces.isEmpty {
                line = candidate
            } else {
                print(line)
                line = "  " + word
            }
        }
        print(line)
    }

    /// `line` cut to `width` visible columns, keeping ANSI colour sequences whole and closing them.
    static func fitVisible(_ line: String, _ width: Int) -> String {
        guard visibleWidth(line) > width else { return line }
        var visible = 0
        var out = ""
        var inEscape = false
        for ch in line {
            if inEscape {
                out.append(ch)
                if ch.isLetter { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
                out.append(ch)
            } else {
                let w = DisplayWidth.of(ch)
                if visible + w > width - 1 { break }
                out.append(ch)
                visible += w
            }
        }
        return out + "…" + (out.contains("\u{1B}[") ? "\u{1B}[0m" : "")
    }

    /// Columns `line` takes on screen, colour sequences excluded.
    static func visibleWidth(_ line: String) -> Int {
        var total = 0
        var inEscape = false
        for ch in line {
            if inEscape { if ch.isLetter { inEscape = false } } else if ch == "\u{1B}" { inEscape = true } else { total += DisplayWidth.of(ch) }
        }
        return total
    }
}

/// Store text made safe for a terminal, on one line.
func safe(_ text: String) -> String { SafeText.neutralized(text) }

/// Store text made safe for a terminal, keeping its line breaks.
func safeBlock(_ text: String) -> String { SafeText.neutralized(text, singleLine: false) }

/// Cuts `text` to `width` terminal columns, ending with "…" when it was longer.
func fit(_ text: String, _ width: Int) -> String { DisplayWidth.truncate(text, to: width) }

/// Pads `text` with spaces to `width` columns (cutting it when longer).
func pad(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width) }
