import Foundation
import CNcurses
import Board

/// Long text in the user's editor, as git does for commit messages: the board steps aside
/// (ncurses suspended), `$EDITOR` runs on a temporary file, and the board comes back in full.
enum ExternalEditor {
    /// `$EDITOR`, else `$VISUAL`, else `vi`; run through the shell so "code --wait" works too.
    static var command: String {
        let env = ProcessInfo.processInfo.environment
        return [env["EDITOR"], env["VISUAL"]].compactMap { $0 }.first { !$0.trimmedSpaces.isEmpty } ?? "vi"
    }

    /// Edits `text`; on any failure the outcome says why and the caller keeps the text it had.
    static func edit(_ text: String) -> TextEditOutcome {
        var template = Array((NSTemporaryDirectory() + "/escalator-edit-XXXXXX.md").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) }
        guard fd >= 0 else { return .failed("Cannot create a temporary file for the editor: \(String(cString: strerror(errno))).") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let initial = Array((text.isEmpty || text.hasSuffix("\n") ? text : text + "\n").utf8)
        let wrote = initial.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard wrote == initial.count else { return .failed("Cannot write the temporary file for the editor.") }

        let editor = command
        // Hand the terminal back as it was before ncurses, run the editor, then take it over again.
        def_prog_mode()
        endwin()
        let status = system(editor + " " + quoted(path))
        reset_prog_mode()
        clearok(cn_stdscr(), true)
        refresh()

        guard status != -1 else { return .failed("Cannot run the editor (\(editor)).") }
        let code = (status >> 8) & 0xff
        guard code == 0 else {
            return .failed(code == 127 ? "The editor \(editor) was not found." : "The editor \(editor) exited with status \(code).")
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            return .failed("The editor left text that is not UTF-8.")
        }
        return .edited(edited)
    }

    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
