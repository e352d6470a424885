import Foundation
import Testing

/// Find, the command line, undo and the mouse on the real `escalator board` inside tmux.
@Suite(.serialized) struct EscalatorBoardNavigationEndToEndTests {
    static let binary = TmuxPane.built("escalator")

    func demoStore() throws -> String {
        let directory = NSTemporaryDirectory() + "escalator-nav-e2e-\(UUID().uuidString.prefix(8))"
        let status = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) demo --store \(TmuxPane.quoted(directory)) --count 60 --seed 9 >/dev/null")
        try #require(status == 0)
        return directory
    }

    /// What a command of the real binary prints as JSON.
    func json(_ arguments: String, store: String) throws -> Any {
        let out = NSTemporaryDirectory() + "nav-\(UUID().uuidString).json"
        defer { unlink(out) }
        _ = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) \(arguments) --store \(TmuxPane.quoted(store)) > \(out)")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
    }

    func severity(of id: String, store: String) throws -> String {
        try #require((try json("show --json \(id)", store: store) as? [String: Any])?["severity"] as? String)
    }

    /// A routed escalation that is not high, and a part of its account name that nothing else on the board contains.
    func uniqueTarget(_ store: String) throws -> (id: String, query: String, severity: String) {
        let all = try #require(try json("list --all --json", store: store) as? [[String: Any]])
        func fields(_ e: [String: Any]) -> [String] {
            ["id", "account", "title", "owner"].compactMap { ($0 == "id" ? e[$0] : e[$0]) as? String }.map { $0.lowercased() }
        }
        for e in all where (e["status"] as? String) == "routed" && (e["severity"] as? String) != "high" {
            let name = try #require(e["account"] as? String)
            let query = String(name.lowercased().prefix(max(4, name.count - 2)))
            guard query.allSatisfy({ $0.isASCII }) else { continue }
            let matches = all.filter { other in fields(other).contains { $0.contains(query) } }
            if matches.count == 1 { return (e["id"] as! String, query, e["severity"] as! String) }
        }
        throw TmuxPane.Failure(command: "no unique routed account in the demo store", status: 0)
    }

    @Test func filterChangeSeverityUndoAndClick() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let target = try uniqueTarget(store)
        let pane = try TmuxPane(width: 120, height: 40,
                                command: "sh -c 'ESCALATOR_NOW= ESCALATOR_USER=lead \(Self.binary) board --store \(store); echo RESTORED rc=$?; sleep 30'")
        var screen = pane.wait(for: "● live", "Routed")

        // Find: typing part of the account name leaves that one card on the board.
        try pane.send("/")
        try pane.type(target.query)
        screen = pane.wait(for: "1 match", target.id)
        #expect(screen.components(separatedBy: "ESC-").count - 1 == 1, "only the match is shown: \(screen)")
        #expect(screen.contains("Routed 1"), "\(screen)")
        try pane.send("Enter")
        screen = pane.wait(for: "filter: \(target.query)")

        // The command line changes its severity; the store records it with the reason.
        try pane.send(":")
        try pane.type("severity high because outage spread")
        try pane.send("Enter")
        screen = pane.wait(for: "\(target.id): ")
        var recorded = ""
        for _ in 0..<40 where recorded != "high" {
            recorded = try severity(of: target.id, store: store)
            if recorded != "high" { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(recorded == "high", "\(screen)")
        let shown = try #require(try json("show --json \(target.id)", store: store) as? [String: Any])
        #expect(String(describing: shown["history"] ?? "").contains("outage spread"))

        // z takes it back as a new event.
        try pane.send("z")
        screen = pane.wait(for: "undo")
        for _ in 0..<40 where recorded == "high" {
            recorded = try severity(of: target.id, store: store)
            if recorded == "high" { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(recorded == target.severity, "\(screen)")

        // A click (an X10 mouse report, as tmux passes it on) selects a card in another column.
        try pane.send("Escape")
        screen = pane.wait(for: "filter: none")
        let cardLine = Array(screen.components(separatedBy: "\n")[2])
        // 120 columns show four columns: x 0-29, 31-59, 61-89, 91-119. X10 reports reach x 93 at most.
        var click: (x: Int, id: String)?
        for (start, end) in [(31, 60), (61, 90), (91, 120)] where click == nil && cardLine.count >= end {
            if let id = String(cardLine[start..<end]).split(separator: " ").first(where: { $0.hasPrefix("ESC-") }) {
                click = (start + 2, String(id))
            }
        }
        let (x, clickedID) = try #require(click, "a card in another column: \(screen)")
        try pane.type("\u{1B}[M " + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + 3))))
        try pane.type("\u{1B}[M#" + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + 3))))
        Thread.sleep(forTimeInterval: 0.2)
        try pane.send("Enter")
        screen = pane.wait(for: "History")
        #expect(screen.components(separatedBy: "\n")[1].contains(clickedID), "the detail of the clicked card opens: \(screen)")

        try pane.send(":")
        try pane.type("q")
        try pane.send("Enter")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
    }

    @Test func remappedKeysFromTheConfigurationAreUsedAndShown() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        try "[board.keys]\nhelp = \"H\"\n".write(toFile: store + "/escalator.toml", atomically: true, encoding: .utf8)
        let pane = try TmuxPane(width: 100, height: 40,
                                command: "sh -c 'ESCALATOR_NOW= \(Self.binary) board --store \(store); echo RESTORED rc=$?; sleep 30'")
        var screen = pane.wait(for: "● live", "H help")
        #expect(screen.contains("H help"), "the footer shows the key in force: \(screen)")
        try pane.send("H")
        screen = pane.wait(for: "this help")
        #expect(screen.contains("H           this help"), "\(screen)")
        try pane.send("q")
        _ = pane.wait(for: "RESTORED")

        // A wrong action name is refused before the board opens, with file and line.
        try "# keys\n[board.keys]\nacknowlege = \"A\"\n".write(toFile: store + "/escalator.toml", atomically: true, encoding: .utf8)
        let out = NSTemporaryDirectory() + "nav-\(UUID().uuidString).txt"
        defer { unlink(out) }
        let status = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) board --store \(TmuxPane.quoted(store)) > \(out) 2>&1 </dev/null")
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        #expect(status != 0)
        #expect(text.contains("escalator.toml:3: board.keys.acknowlege: unknown action \"acknowlege\""), "\(text)")
    }
}
