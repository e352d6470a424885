import Foundation
import Testing

/// The form, the brief and `$EDITOR` in the real `escalator board` inside tmux: a CSM creates an
/// escalation with live scoring, finds it on the board, opens its brief and copies it (OSC 52).
@Suite(.serialized) struct FormsEndToEndTests {
    static let binary = TmuxPane.built("escalator")

    @Test func createThroughTheFormWithLiveScoringThenCopyTheBrief() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let dir = NSTemporaryDirectory() + "escalator-forms-e2e-\(UUID().uuidString.prefix(8))"
        let store = dir + "/store"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bin = TmuxPane.quoted(Self.binary)
        try #require(system("ESCALATOR_NOW= \(bin) demo --store \(TmuxPane.quoted(store)) --count 12 --seed 4 >/dev/null") == 0)
        try "name,arr,currency,segment,renewal,health,strategic\nAcme Rockets,85000,EUR,enterprise,2027-06-30,70,false\nAcorn Labs,9000,EUR,smb,,,false\n"
            .write(toFile: dir + "/accounts.csv", atomically: true, encoding: .utf8)
        try #require(system("\(bin) accounts import \(dir)/accounts.csv --store \(TmuxPane.quoted(store)) >/dev/null") == 0)
        // The editor appends a line, as a user would type one, and records that it ran.
        let editor = dir + "/editor.sh"
        try "#!/bin/sh\nprintf 'Appended by the editor\\n' >> \"$1\"\ntouch \(dir)/editor-ran\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        // script(1) records every byte the board writes, escape sequences included, for the OSC 52 check.
        let raw = dir + "/raw"
        let board = "ESCALATOR_NOW= ESCALATOR_USER=csm EDITOR=\(editor) \(Self.binary) board --store \(store)"
        let pane = try TmuxPane(width: 100, height: 30,
                                command: "sh -c 'script -q -f \(raw) -c \"\(board)\"; echo RESTORED; sleep 30'")
        var screen = pane.wait(for: "● live", "Routed")
        let routedBefore = try #require(Self.count("Routed", in: screen))

        try pane.send("n")
        pane.wait(for: "New escalation")
        try pane.type("acme")
        screen = pane.wait(for: "Tab: Acme Rockets")
        try pane.send("Tab")
        screen = pane.wait(for: "EUR 85k ARR · Enterprise")
        try pane.type("Nightly export drops rows")
        try pane.send("Tab")
        try pane.type("p")
        try pane.send("Tab")
        try pane.type("5")
        screen = pane.wait(for: "Total 10 so far (2 of 4 scores)")
        #expect(screen.contains("Total 10 so far"), "impact 5 plus the suggested value 5: \(screen)")
        try pane.send("Tab")
        try pane.send("Tab")
        try pane.type("3")
        try pane.send("Tab")
        try pane.type("2")
        screen = pane.wait(for: "Total 15/20", "suggests High")
        #expect(screen.contains("Escalate with urgency"), "\(screen)")
        try pane.type("5")
        screen = pane.wait(for: "Total 18/20", "suggests Critical")
        #expect(screen.contains("Escalate immediately"), "\(screen)")
        #expect(screen.contains("C Critical (suggested)"), "\(screen)")

        // Impact, then the description in $EDITOR (Ctrl-E), which appends a line.
        try pane.send("Tab", "Tab", "Tab")
        try pane.type("40 users blocked every night")
        try pane.send("Tab")
        try pane.type("Exports drop rows")
        try pane.send("C-e")
        screen = pane.wait(for: "Exports drop rows (+1 lines)")
        #expect(FileManager.default.fileExists(atPath: dir + "/editor-ran"))
        #expect(screen.contains("text from the editor kept"), "\(screen)")

        // Save: the lint findings first, then save anyway; the cursor lands on the new card in Routed.
        try pane.send("Enter")
        screen = pane.wait(for: "Before saving")
        try pane.send("s")
        screen = pane.wait(for: "Created ESC-", "Routed \(routedBefore + 1)")
        let line = try #require(screen.split(separator: "\n").first { $0.contains("Created ESC-") })
        let id = String(try #require(line.split(separator: " ").first { $0.hasPrefix("ESC-") }).dropLast())
        #expect(screen.contains("Acme Rockets"), "\(screen)")

        // Its brief, copied through the terminal.
        try pane.send("b")
        screen = pane.wait(for: "## ESCALATION:", "Brief \(id)")
        try pane.send("y")
        screen = pane.wait(for: "Copied the brief of \(id)")
        let copied = try Self.clipboard(in: raw)
        #expect(copied.hasPrefix("## ESCALATION: Nightly export drops rows affecting Acme Rockets"), "\(copied)")
        #expect(copied.contains("Exports drop rows\nAppended by the editor"), "\(copied)")

        try pane.send("Escape")
        pane.wait(for: "q quit")
        try pane.send("q")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED"), "\(screen)")
    }

    /// The text of the last OSC 52 sequence in the raw output, decoded (waits for it to be flushed).
    static func clipboard(in raw: String) throws -> String {
        let end = Date().addingTimeInterval(5)
        while Date() < end {
            if let bytes = FileManager.default.contents(atPath: raw), let text = String(data: bytes, encoding: .utf8),
               let start = text.range(of: "\u{1B}]52;c;", options: .backwards),
               let stop = text[start.upperBound...].firstIndex(of: "\u{07}"),
               let data = Data(base64Encoded: String(text[start.upperBound..<stop])) {
                return String(decoding: data, as: UTF8.self)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw NoSequence()
    }

    struct NoSequence: Error {}

    static func count(_ column: String, in screen: String) -> Int? {
        guard let range = screen.range(of: column + " ") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }
}
