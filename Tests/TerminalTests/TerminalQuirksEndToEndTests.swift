import Foundation
import Testing
import Board

/// The board in real terminals that are not quite what TERM says (issue 13): Home inside tmux with
/// TERM=xterm-256color, Ctrl-C in a form, TERM=dumb, terminals without an alternate screen.
@Suite(.serialized) struct TerminalQuirksEndToEndTests {
    static let binary = TmuxPane.built("escalator")

    /// A demo store in a temporary directory, removed by the caller's `defer`.
    func demoStore() throws -> (dir: String, store: String) {
        let dir = NSTemporaryDirectory() + "escalator-quirks-e2e-\(UUID().uuidString.prefix(8))"
        let store = dir + "/store"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try #require(system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) demo --store \(TmuxPane.quoted(store)) --count 12 --seed 4 >/dev/null") == 0)
        return (dir, store)
    }

    /// The board in a pane that stays open after it ends, showing its exit status (the shell
    /// ignores Ctrl-C's SIGINT, which the whole foreground group gets).
    func pane(_ store: String, term: String, width: Int = 100, height: Int = 30) throws -> TmuxPane {
        try TmuxPane(width: width, height: height, command:
            "sh -c 'trap \"\" INT; TERM=\(term) ESCALATOR_NOW= \(Self.binary) board --store \(store) 2>&1; echo RESTORED rc=$?; sleep 30'")
    }

    @Test func homeAndEndWorkWhenTermSaysXtermInsideTmux() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let (dir, store) = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // tmux sends Home as ESC [ 1 ~, which xterm-256color's terminfo does not list.
        let pane = try pane(store, term: "xterm-256color")
        pane.wait(for: "● live", "Routed")
        try pane.send("n")
        pane.wait(for: "New escalation")
        try pane.type("bcd")
        try pane.send("Home")
        try pane.type("a")
        try pane.send("End")
        try pane.type("e")
        var screen = pane.wait(for: "abcde")
        #expect(screen.contains("abcde"), "Home went to the start, End to the end: \(screen)")
        #expect(screen.contains("New escalation"), "the form is still open: \(screen)")
        try pane.send("Left", "DC")
        screen = pane.wait(for: "abcd▏")
        #expect(screen.contains("abcd") && !screen.contains("abcde"), "Delete under the caret: \(screen)")
        // A lone Esc still acts at once: it asks about the typed text.
        try pane.send("Escape")
        screen = pane.wait(for: "Discard this escalation?")
        #expect(screen.contains("Discard this escalation?"), "\(screen)")
        try pane.type("y")
        screen = pane.wait(for: "Discarded.")
        #expect(screen.contains("Routed"), "\(screen)")
    }

    @Test func ctrlCInAFormAsksAndOnTheBoardQuits() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let (dir, store) = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pane = try pane(store, term: "xterm-256color")
        pane.wait(for: "● live", "Routed")
        try pane.send("n")
        pane.wait(for: "New escalation")
        try pane.type("Acme")
        try pane.send("C-c")
        var screen = pane.wait(for: "Discard this escalation?")
        #expect(screen.contains("Discard this escalation?") && !screen.contains("RESTORED"), "\(screen)")
        try pane.type("n")
        try pane.type("x")
        screen = pane.wait(for: "Acmex")
        #expect(screen.contains("Acmex"), "still typing in the form: \(screen)")
        try pane.send("Escape")
        pane.wait(for: "Discard this escalation?")
        try pane.type("y")
        pane.wait(for: "Discarded.")
        try pane.send("C-c")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=130"), "Ctrl-C on the board ends it as SIGINT does: \(screen)")
    }

    @Test func termDumbIsRefusedLikeAnUnknownTerm() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let (dir, store) = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dumb = try pane(store, term: "dumb")
        var screen = dumb.wait(for: "RESTORED")
        #expect(screen.contains("TERM=dumb cannot draw the board"), "\(screen)")
        #expect(screen.contains("RESTORED rc=64"), "\(screen)")
        let unknown = try pane(store, term: "no-such-terminal")
        screen = unknown.wait(for: "RESTORED")
        #expect(screen.contains("unknown terminal type TERM=no-such-terminal"), "\(screen)")
        #expect(screen.contains("RESTORED rc=64"), "the same exit status: \(screen)")
    }

    @Test(arguments: ["linux", "vt100", "vt220"]) func theLastFrameIsClearedWithoutAnAlternateScreen(term: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let (dir, store) = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pane = try pane(store, term: term)
        var screen = pane.wait(for: "Routed", "Acknowledged")
        #expect(screen.contains("Acknowledged"), "\(screen)")
        try pane.type("q")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
        #expect(!screen.contains("Acknowledged") && !screen.contains("Escalator"), "the board's last frame is gone: \(screen)")
    }

    @Test func theConfigurationNamesEveryAction() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("quirks-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try #require(system("\(TmuxPane.quoted(Self.binary)) config > \(TmuxPane.quoted(output.path))") == 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        let comment = text.components(separatedBy: "\n").filter { $0.hasPrefix("#") }.map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        let listed = try #require(comment.range(of: "Actions: ")).upperBound
        let end = try #require(comment[listed...].range(of: ". For example")).lowerBound
        let names = comment[listed..<end].components(separatedBy: ", ")
        #expect(Set(names) == Set(KeyMap.standard.intentNames), "the documented actions are the key map's")
        #expect(names.count == Set(names).count)
    }
}
