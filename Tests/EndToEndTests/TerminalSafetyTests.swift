import Foundation
import Testing

/// Text from the store never reaches a terminal raw, and colour appears only on a terminal.
@Suite struct TerminalSafetyTests {
    @Test func hostileTextImportedFromAFileIsNeutralisedEverywhere() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--count", "5", "--seed", "1").code == 0)
        var export = try JSONSerialization.jsonObject(with: Data(cli.run("export").out.utf8)) as! [String: Any]
        var escalations = export["escalations"] as! [[String: Any]]
        // Import replays each escalation's history, so the hostile text goes into its creation event.
        var first = escalations[0]
        var history = first["history"] as! [[String: Any]]
        var entry = history[0]
        var change = entry["change"] as! [String: Any]
        var created = change["created"] as! [String: Any]
        var draft = created["_0"] as! [String: Any]
        var account = draft["account"] as! [String: Any]
        account["name"] = "Evil\u{1B}[2J\u{1B}]0;owned\u{07}Corp\u{9B}31m\u{202E}gnp.exe"
        draft["account"] = account
        draft["title"] = "Title\u{1B}[31mRED\u{0}"
        created["_0"] = draft
        change["created"] = created
        entry["change"] = change
        history[0] = entry
        first["history"] = history
        escalations[0] = first
        export["escalations"] = escalations
        let other = CLI()
        defer { other.remove() }
        #expect(try other.run("init").code == 0)
        let file = try other.write("hostile.json", String(decoding: try JSONSerialization.data(withJSONObject: export), as: UTF8.self))
        #expect(try other.run("import", file).code == 0)
        let id = first["id"] as! String
        for arguments in [["list", "--all"], ["show", id], ["brief", id], ["lint", id], ["explain", id], ["forecast", "--within", "1w"]] {
            let r = try other.run(arguments)
            for forbidden in ["\u{1B}", "\u{9B}", "\u{202E}", "\u{07}", "\u{0}"] {
                #expect(!r.out.contains(forbidden) && !r.err.contains(forbidden), "\(arguments) printed a raw control character")
            }
        }
        #expect(try other.run("show", id).out.contains("␛"))
    }

    @Test func noColourWhenNotATerminal() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--count", "30").code == 0)
        #expect(!(try cli.run("list").out.contains("\u{1B}[")))
    }

    @Test func aLongConfirmationWrapsInsteadOfLosingTheOwner() throws {
        var cli = CLI()
        cli.extraEnvironment["COLUMNS"] = "80"
        defer { cli.remove() }
        #expect(try cli.run("demo", "--count", "30").code == 0)
        let routed = (try cli.json("list", "--json", "--status", "routed") as! [[String: Any]])[0]["id"] as! String
        let owner = "Maximilian Alexander von Habsburg-Lothringen (Enterprise Support)"
        let out = try cli.run("ack", routed, "--owner", owner).out
        let lines = out.split(separator: "\n")
        #expect(lines.count > 1)
        for line in lines { #expect(line.count <= 80, "\(line)") }
        // Joined back, the sentence holds the whole name twice (the change, then who owns it now).
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.components(separatedBy: owner).count == 3, "\(out)")
        #expect(!out.contains("…"))
    }

    @Test func humanOutputFitsEightyColumns() throws {
        var cli = CLI()
        cli.extraEnvironment["COLUMNS"] = "80"
        defer { cli.remove() }
        #expect(try cli.run("demo", "--count", "200").code == 0)
        let id = (try cli.json("list", "--json") as! [[String: Any]])[0]["id"] as! String
        for arguments in [["list"], ["show", id], ["forecast", "--within", "1w"], ["accounts", "list"]] {
            for line in try cli.run(arguments).out.split(separator: "\n") {
                #expect(line.count <= 80, "\(arguments): \(line)")
            }
        }
    }
}
