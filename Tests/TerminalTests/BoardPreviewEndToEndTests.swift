import Foundation
import Testing

/// The real board in a real terminal: `board-preview` (built by `swift build`) run inside tmux, on
/// a private tmux server so no one else's sessions are touched.
@Suite(.serialized) struct BoardPreviewEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/board-preview").path

    /// One tmux server and session for one test.
    final class Pane {
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

    func requireBinary() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build board-preview first: swift build")
    }

    @Test func navigateAcknowledgeResizeAndQuit() throws {
        try requireBinary()
        let pane = try Pane(width: 120, height: 40, command: "sh -c 'trap \"\" INT; \(Self.binary); echo RESTORED rc=$?; sleep 30'")
        var screen = pane.wait(for: "Routed 3")
        #expect(screen.contains("Acknowledged 2"), "\(screen)")
        #expect(screen.contains("株式会社サンプル"))

        try pane.send("j")
        try pane.send("l")
        try pane.send("h")
        try pane.send("g")
        try pane.send("a")
        screen = pane.wait(for: "owner?")
        #expect(screen.contains("Acknowledge ESC-2026-0002: owner?"), "\(screen)")
        try pane.type("mike")
        try pane.send("Enter")
        screen = pane.wait(for: "Acknowledged 3", "Routed 2", "owner mike")
        #expect(screen.contains("Routed 2"), "\(screen)")
        #expect(screen.contains("ESC-2026-0002: acknowledged, owner mike"), "\(screen)")

        try pane.send("<")
        screen = pane.wait(for: "why?")
        try pane.send("Escape")
        screen = pane.wait(for: "Cancelled.")
        #expect(screen.contains("Cancelled."), "\(screen)")

        try pane.tmux("resize-window", "-t", pane.name, "-x", "80", "-y", "24")
        screen = pane.wait(for: "q quit", "Acknowledged 3")
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count <= 25)
        #expect(screen.contains("Acknowledged 3"), "\(screen)")
        try pane.tmux("resize-window", "-t", pane.name, "-x", "50", "-y", "12")
        screen = pane.wait(for: "terminal too small")
        #expect(screen.contains("terminal too small: need 60×16, have 50×12"), "\(screen)")
        try pane.tmux("resize-window", "-t", pane.name, "-x", "200", "-y", "50")
        screen = pane.wait(for: "Closed 1", "Resolved 2")
        #expect(screen.contains("Resolved 2"), "\(screen)")

        try pane.send("q")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
        #expect(!screen.contains("Routed"), "the main screen is back: \(screen)")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        try requireBinary()
        let pane = try Pane(width: 100, height: 30,
                            command: "sh -c 'trap \"\" INT; \(Self.binary); echo RESTORED rc=$?; stty -a | tr \" \" \"\\n\" | grep -x -e icanon -e echo; sleep 30'")
        pane.wait(for: "Routed")
        try pane.send("C-c")
        let screen = pane.wait(for: "echo")
        #expect(screen.contains("RESTORED rc=130"), "\(screen)")
        #expect(screen.contains("icanon"), "line mode is back: \(screen)")
    }

    @Test func anotherWriterShowsWithoutAKeyPress() throws {
        try requireBinary()
        let pane = try Pane(width: 120, height: 40, command: "\(Self.binary) --external-every 0.5")
        pane.wait(for: "Routed")
        // No key is sent: the change must arrive through the queue and the self-pipe alone.
        let screen = pane.wait(for: "✱", timeout: 5)
        #expect(screen.contains("✱"), "a card changed by another writer is marked: \(screen)")
    }
}
