import Foundation
import Testing

/// Bad input always gets a clear message, the documented exit code, and changes nothing.
@Suite struct BadInputTests {
    @Test func everyKindOfBadNewIsRefusedAndChangesNothing() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        _ = try cli.new(["--severity", "high"])
        let before = cli.storeFiles()
        let cases: [[String]] = [
            ["--account", "A", "--title", "T", "--category", "nope", "--severity", "high"],
            ["--account", "A", "--title", "T", "--category", "security", "--severity", "urgent"],
            ["--account", "A", "--title", "   ", "--category", "security", "--severity", "high"],
            ["--account", "", "--title", "T", "--category", "security", "--severity", "high"],
            ["--account", "A", "--title", "T", "--category", "security", "--severity", "high", "--arr", "-5"],
            ["--account", "A", "--title", "T", "--category", "security", "--severity", "high", "--arr", "nan"],
            ["--account", "A", "--title", "T", "--category", "security", "--severity", "high", "--arr", "abc"],
            ["--account", "A", "--title", "T", "--category", "security", "--severity", "high", "--arr", "99999999999999"],
            ["--account", "A", "--title", "T", "--category", "security", "--severity", "high", "--deadline", "next friday"],
            ["--account", "A", "--title", "T", "--category", "security", "--severity", "high", "--renewal", "2026-02-30"],
            ["--account", "A", "--title", "T\u{1B}]0;pwned\u{07}", "--category", "security", "--severity", "high"],
            ["--account", "Evil\u{9B}31m", "--title", "T", "--category", "security", "--severity", "high"],
            ["--account", "A", "--title", "T", "--category", "security", "--impact", "6", "--value", "3", "--urgency", "3", "--capability", "3"],
            ["--account", "A", "--title", "T", "--category", "security", "--impact", "5", "--value", "5", "--urgency", "5", "--capability", "5", "--severity", "medium"],
        ]
        for arguments in cases {
            let r = try cli.run(["new"] + arguments)
            #expect(r.code == 65, "\(arguments): \(r.err)")
            #expect(r.err.hasPrefix("escalator:") || r.err.hasPrefix("Error:"), "\(arguments)")
            #expect(!r.err.contains("Fatal error") && !r.err.contains("Swift."), "\(arguments)")
            #expect(!r.err.contains("\u{1B}"), "no raw escape echoed back: \(arguments)")
        }
        #expect(cli.storeFiles() == before)
    }

    @Test func unknownIdsAndIllegalTransitions() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"])
        let before = cli.storeFiles()
        #expect(try cli.run("show", "ESC-2026-9999").code == 65)
        #expect(try cli.run("ack", "nonsense", "--owner", "x").code == 65)
        let close = try cli.run("close", id)
        #expect(close.code == 65)
        #expect(close.err.contains("routed"))
        #expect(close.err.contains("Allowed from here"))
        #expect(try cli.run("resolve", id, "--resolution", "done").code == 65)
        #expect(try cli.run("back", id, "--reason", "why").code == 65)
        #expect(try cli.run("ack", id, "--owner", "  ").code == 65)
        #expect(try cli.run("tier", id, "7", "--reason", "x").code == 65)
        #expect(try cli.run("severity", id, "high", "--reason", "same").code == 65)
        #expect(cli.storeFiles() == before)
        #expect(try cli.run("ack", id).code == 64, "a missing option is a usage error")
    }

    @Test func storeProblemsHaveTheirOwnExitCodes() throws {
        let cli = CLI()
        defer { cli.remove() }
        let missing = try cli.run("list")
        #expect(missing.code == 74)
        #expect(missing.err.contains("escalator init"))
        #expect(try cli.run("init").code == 0)
        #expect(try cli.run("init").code == 65, "a second init changes nothing")
        _ = try cli.new(["--severity", "high"])

        // Busy: another process holds the writers' lock.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [cli.store.appendingPathComponent("lock").path, "sleep", "5"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.3)
        var busyCLI = cli
        busyCLI.extraEnvironment["ESCALATOR_LOCK_TIMEOUT"] = "0.5"
        let busy = try busyCLI.run("new", "--account", "B", "--title", "T", "--category", "security", "--severity", "high")
        #expect(busy.code == 75)
        #expect(busy.err.lowercased().contains("busy"))
        holder.terminate()
        holder.waitUntilExit()

        // Damaged: a flipped byte in the snapshot stops every command, and the file is left as it was.
        let snapshot = cli.store.appendingPathComponent("snapshot.json")
        var bytes = try Data(contentsOf: snapshot)
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: snapshot)
        let damaged = try cli.run("list")
        #expect(damaged.code == 74)
        #expect(damaged.err.contains("snapshot.json"))
        #expect(try Data(contentsOf: snapshot) == bytes)
        #expect(try cli.run("doctor").code == 74)
    }

    @Test func badEnvironmentClockIsBadInput() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let r = try cli.run("list", at: "yesterday")
        #expect(r.code == 65)
        #expect(r.err.contains("ESCALATOR_NOW"))
    }
}

/// `init --shared --group NAME`: a store a team shares, whose modes every later write keeps.
@Suite struct SharedStoreTests {
    @Test func sharedStoreKeepsGroupModes() throws {
        let cli = CLI()
        defer { cli.remove() }
        let group = String(cString: getgrgid(getgid())!.pointee.gr_name)
        let r = try cli.run("init", "--shared", "--group", group)
        #expect(r.code == 0, "\(r.err)")
        func mode(_ name: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: cli.store.appendingPathComponent(name).path)
            return (attributes[.posixPermissions] as! NSNumber).intValue
        }
        #expect(try mode("") & 0o7777 == 0o2770)
        _ = try cli.new(["--severity", "high"])
        #expect(try cli.run("demo", "--count", "1").code == 65, "demo refuses a store that is not empty")
        let csv = try cli.write("a.csv", "name,arr\nAcme Corp,85000\n")
        #expect(try cli.run("accounts", "import", csv).code == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.store.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: cli.store.appendingPathComponent(name).path, isDirectory: &isDirectory)
            let expected = isDirectory.boolValue ? 0o2770 : 0o660
            #expect(try mode(name) & 0o7777 == expected, "\(name)")
        }
        #expect(try cli.run("init", "--shared", "--group", "no-such-group-xyz").code != 0)
        #expect(try cli.run("init", "--shared").code == 64)
    }
}
