import Board
import Foundation

/// Writes a brief the board asked for (`w` in the brief view) and answers with the outcome.
enum BriefFile {
    static func write(_ contents: String, to path: String) -> Action {
        let expanded = (path as NSString).expandingTildeInPath
        let fd = open(expanded, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .fileWritten(path: path, error: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .fileWritten(path: path, error: String(cString: strerror(errno)))
            }
            written += n
        }
        return .fileWritten(path: path, error: nil)
    }
}
