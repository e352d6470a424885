import Foundation
import Testing

/// `escalator board` on a real store inside tmux: the board as a CS lead and a CSM use it.
@Suite(.serialized) struct EscalatorBoardEndToEndTests {
    static let binary = TmuxPane.built("escalator")

    /// A demo store in a fresh folder, made by the real binary.
    func demoStore() throws -> String {
        let directory = NSTemporaryDirectory() + "escalator-board-e2e-\(UUID().uuidString.prefix(8))"
        let status = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) demo --store \(TmuxPane.quoted(directory)) --count 120 --seed 9 >/dev/null")
        try #require(status == 0)
        return directory
    }

    func run(_ arguments: String, store: String, user: String = "engineer") -> Int32 {
        system("ESCALATOR_NOW= ESCALATOR_USER=\(user) \(TmuxPane.quoted(Self.binary)) \(arguments) --store \(TmuxPane.quoted(store)) >/dev/null 2>&1") >> 8
    }

    /// The first routed escalation's id, read from `list --json`.
    func firstRouted(_ store: String) throws -> String {
        let out = NSTemporaryDirectory() + "list-\(UUID().uuidString).json"
        defer { unlink(out) }
        _ = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) list --status routed --json --store \(TmuxPane.quoted(store)) > \(out)")
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [[String: Any]]
        return try #require(list.first?["id"] as? String)
    }

    @Test func acknowledgeOnTheBoardAndFollowAnotherProcess() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let pane = try TmuxPane(width: 120, height: 40,
                                command: "sh -c 'ESCALATOR_NOW= ESCALATOR_USER=lead \(Self.binary) board --store \(store); echo RESTORED rc=$?; sleep 30'")
        var screen = pane.wait(for: "● live", "Routed")
        let routedBefore = try #require(Self.count("Routed", in: screen))
        let acknowledgedBefore = try #require(Self.count("Acknowledged", in: screen))

        // Acknowledge the selected routed card through the board's own prompt.
        try pane.send("g")
        try pane.send("a")
        screen = pane.wait(for: "owner?")
        try pane.type("Mike Ross")
        try pane.send("Enter")
        screen = pane.wait(for: "Acknowledged \(acknowledgedBefore + 1)")
        #expect(Self.count("Routed", in: screen) == routedBefore - 1, "\(screen)")
        #expect(screen.contains("Mike Ross"), "\(screen)")

        // Another process acknowledges the next routed escalation: the board follows with no key press.
        let other = try firstRouted(store)
        #expect(run("ack \(other) --owner 'Dana Other'", store: store) == 0)
        screen = pane.wait(for: "Acknowledged \(acknowledgedBefore + 2)", "Dana Other")
        #expect(Self.count("Routed", in: screen) == routedBefore - 2, "\(screen)")
        #expect(screen.contains("✱"), "the changed card is marked: \(screen)")

        // A move the lifecycle forbids says why in the status line.
        try pane.send("g")
        try pane.send("x")
        screen = pane.wait(for: "only a resolved escalation is closed")
        #expect(screen.contains("only a resolved escalation is closed"), "\(screen)")

        try pane.tmux("resize-window", "-t", pane.name, "-x", "80", "-y", "24")
        screen = pane.wait(for: "q quit")
        #expect(screen.contains("Acknowledged"), "\(screen)")

        try pane.send("q")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
    }

    @Test func aDroppedConnectionRestoresTheTerminalAndLosesNothing() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        // The board records its own pid (exec keeps it), so the test can hang up on exactly that process.
        let script = store + "/board.sh"
        try "#!/bin/sh\necho $$ > \(store)/board.pid\nexport ESCALATOR_NOW=\nexec \(Self.binary) board --store \(store)\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let pane = try TmuxPane(width: 100, height: 30,
                                command: "sh -c 'sh \(script); echo RESTORED rc=$?; stty -a | tr \" \" \"\\n\" | grep -x -e icanon -e echo; sleep 30'")
        pane.wait(for: "● live")
        try pane.send("g")
        try pane.send("a")
        pane.wait(for: "owner?")
        try pane.type("Hana")
        try pane.send("Enter")
        let confirmed = pane.wait(for: "owner Hana")
        let line = try #require(confirmed.split(separator: "\n").first { $0.contains("acknowledged, owner Hana") })
        let id = String(try #require(line.split(separator: " ").first { $0.hasPrefix("ESC-") }).dropLast())
        // What a dropped SSH connection delivers: SIGHUP to the board.
        let pid = try #require(Int32(String(contentsOfFile: store + "/board.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGHUP) == 0)
        let screen = pane.wait(for: "echo")
        #expect(screen.contains("RESTORED rc=129"), "\(screen)")
        #expect(screen.contains("icanon"), "\(screen)")
        #expect(run("show \(id)", store: store) == 0)
        let out = NSTemporaryDirectory() + "show-\(UUID().uuidString).json"
        defer { unlink(out) }
        _ = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) show \(id) --json --store \(TmuxPane.quoted(store)) > \(out)")
        let shown = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        #expect(shown["owner"] as? String == "hana", "the confirmed prompt was committed before the hang-up (as the roster's login)")
    }

    /// The count in a column heading such as "Routed 12".
    static func count(_ column: String, in screen: String) -> Int? {
        guard let range = screen.range(of: column + " ") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }
}
