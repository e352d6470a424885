import Foundation
import Testing

/// The real board in a real terminal: `board-preview` (built by `swift build`) run inside tmux, on
/// a private tmux server so no one else's sessions are touched.
@Suite(.serialized) struct BoardPreviewEndToEndTests {
    static let binary = TmuxPane.built("board-preview")

    func requireBinary() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build board-preview first: swift build")
    }

    @Test func navigateAcknowledgeResizeAndQuit() throws {
        try requireBinary()
        let pane = try TmuxPane(width: 120, height: 40, command: "sh -c 'trap \"\" INT; \(Self.binary); echo RESTORED rc=$?; sleep 30'")
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
        let pane = try TmuxPane(width: 100, height: 30,
                            command: "sh -c 'trap \"\" INT; \(Self.binary); echo RESTORED rc=$?; stty -a | tr \" \" \"\\n\" | grep -x -e icanon -e echo; sleep 30'")
        pane.wait(for: "Routed")
        try pane.send("C-c")
        let screen = pane.wait(for: "echo")
        #expect(screen.contains("RESTORED rc=130"), "\(screen)")
        #expect(screen.contains("icanon"), "line mode is back: \(screen)")
    }

    @Test func anotherWriterShowsWithoutAKeyPress() throws {
        try requireBinary()
        let pane = try TmuxPane(width: 120, height: 40, command: "\(Self.binary) --external-every 0.5")
        pane.wait(for: "Routed")
        // No key is sent: the change must arrive through the queue and the self-pipe alone.
        let screen = pane.wait(for: "✱", timeout: 5)
        #expect(screen.contains("✱"), "a card changed by another writer is marked: \(screen)")
    }
}
