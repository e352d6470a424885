import Foundation
import Testing

/// One private tmux server and session for one test, so no one else's sessions are touched.
final class TmuxPane {
    let socket = "escalator-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "board"

    init(width: Int, height: Int, command: String) throws {
        try tmux("new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command)
    }

    @discardableResult
    func tmux(_ arguments: String...) throws -> String { try tmux(arguments) }

    /// Runs tmux through system(3), which waits for the tmux client alone (Foundation's Process
    /// also waits on the server that new-session leaves running, and never returns).
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let words = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        let line = "TERM=xterm-256color LANG=C.UTF-8 " + words.map(Self.quoted).joined(separator: " ")
            + " >" + Self.quoted(output.path) + " 2>/dev/null </dev/null"
        let status = system(line)
        guard status == 0 else { throw Failure(command: line, status: status) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    struct Failure: Error { let command: String; let status: Int32 }

    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    func capture() -> String { (try? tmux("capture-pane", "-p", "-t", name)) ?? "" }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func type(_ text: String) throws { try tmux("send-keys", "-t", name, "-l", text) }

    /// Waits until the pane shows every one of `texts` (or `timeout` passes) and returns what it
    /// showed last. Waiting for all of them matters: a capture can land between two parts of a frame.
    @discardableResult
    func wait(for texts: String..., timeout: TimeInterval = 5) -> String {
        let end = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !texts.allSatisfy(screen.contains), Date() < end {
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return screen
    }

    /// Ends what this test started: the pane's process group (by the pane's pid), then the server.
    deinit {
        if let pid = Int32((try? tmux("display-message", "-p", "-t", name, "#{pane_pid}"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") {
            kill(-pid, SIGHUP)
            kill(pid, SIGHUP)
        }
        _ = try? tmux("kill-server")
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }
}

extension TmuxPane {
    /// The repository's root, found from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of an executable built with the tests: beside the test bundle, in whichever
    /// configuration was built (`make test` builds release, `swift build --build-tests` debug).
    static func built(_ name: String) -> String {
        let beside = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        return root.appendingPathComponent(".build/debug/\(name)").path
    }
}
