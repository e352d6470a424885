#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A one-line progress bar on standard error, drawn only on a terminal (never into a pipe or a
/// file) and only for work big enough to take a moment.
final class ProgressBar {
    let total: Int
    let label: String
    let started = Date()
    /// False on a pipe, a file, or for small work: then nothing is ever written.
    let visible: Bool
    private let output: Int32
    private var drawnPercent = -1
    private var note = ""

    /// `minimumTotal`: smaller work finishes before a bar would help.
    init(total: Int, label: String, output: Int32 = STDERR_FILENO, minimumTotal: Int = 20_000) {
        self.total = total
        self.label = label
        self.output = output
        visible = isatty(output) == 1 && total >= minimumTotal
        update(0)
    }

    /// Moves the bar to `done`; redrawn only when the percentage changes (at most a hundred writes).
    func update(_ done: Int) {
        guard visible else { return }
        let percent = total == 0 ? 100 : 100 * min(done, total) / total
        guard percent != drawnPercent else { return }
        drawnPercent = percent
        draw(min(done, total))
    }

    /// Says what happens after the counted work (e.g. "compacting"), beside the full bar.
    func finishing(_ text: String) {
        guard visible else { return }
        note = " " + text
        drawnPercent = 100
        draw(total)
    }

    /// Draws the full bar with the time taken and ends the line.
    func finish() {
        guard visible else { return }
        note = ""
        draw(total)
        write(" \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n")
    }

    private func draw(_ done: Int) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        // \u{1B}[K clears what a longer previous line (a note) left behind.
        write("\r\(label) \(bar) \(done)/\(total)\(note)\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle(fileDescriptor: output, closeOnDealloc: false).write(Data(text.utf8))
    }
}
