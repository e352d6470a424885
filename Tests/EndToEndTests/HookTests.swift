import Foundation
import Testing

/// Notification hooks get the JSON on standard input only; a failing or hanging hook never loses the change.
@Suite struct HookTests {
    func config(_ cli: CLI, routed: String, timeout: Int = 2) throws -> String {
        try cli.write("escalator.toml", """
        [hooks]
        timeout_seconds = \(timeout)

        [hooks.commands]
        routed = ["\(routed)"]
        """)
    }

    @Test func hookReceivesThePayloadOnStandardInput() throws {
        var cli = CLI()
        defer { cli.remove() }
        let capture = cli.root.appendingPathComponent("payload.json").path
        let script = try cli.write("hook.sh", "#!/bin/sh\ncat > \(capture)\necho \"$@\" > \(capture).args\n")
        chmod(script, 0o755)
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try config(cli, routed: script)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], title: "Quote ' \" $(rm -rf /) `x`")
        let payload = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: capture))) as! [String: Any]
        #expect(payload["kind"] as? String == "routed")
        #expect(payload["escalation_id"] as? String == id)
        #expect(payload["account"] as? String == "Acme Corp")
        let args = try String(contentsOfFile: capture + ".args", encoding: .utf8)
        #expect(args.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "no data on the hook's command line")
    }

    @Test func failingAndHangingHooksAreReportedButTheChangeStays() throws {
        var cli = CLI()
        defer { cli.remove() }
        let failing = try cli.write("fail.sh", "#!/bin/sh\ncat >/dev/null\nexit 3\n")
        chmod(failing, 0o755)
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try config(cli, routed: failing)
        #expect(try cli.run("init").code == 0)
        let r = try cli.run("new", "--account", "A", "--title", "T", "--category", "security", "--severity", "critical")
        #expect(r.code == 0)
        #expect(r.err.contains("hook failed"))
        let list = try cli.json("list", "--json") as! [[String: Any]]
        #expect(list.count == 1)
        let log = try String(contentsOf: cli.store.appendingPathComponent("hooks.log"), encoding: .utf8)
        #expect(log.contains("exited with status 3"))

        let hanging = try cli.write("hang.sh", "#!/bin/sh\nsleep 30\n")
        chmod(hanging, 0o755)
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try config(cli, routed: hanging, timeout: 1)
        let start = Date()
        let slow = try cli.run("new", "--account", "B", "--title", "T2", "--category", "security", "--severity", "critical")
        #expect(slow.code == 0)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(slow.err.contains("timed out"))
        #expect((try cli.json("list", "--json") as! [[String: Any]]).count == 2)
    }
}

/// A hook is bounded by its timeout in every way: writing its input, running, and what it starts.
@Suite struct HookBoundsTests {
    /// True while `pid` runs (a zombie waiting for its parent to reap it has ended).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    static func pid(in path: String) throws -> Int32 {
        try #require(Int32(String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func aHookThatNeverReadsALargeNotificationIsEndedAtTheTimeoutWithItsChildren() throws {
        var cli = CLI()
        defer { cli.remove() }
        let childFile = cli.root.appendingPathComponent("child.pid").path
        // Never reads its standard input; starts a background child first, which must not outlive it.
        let script = try cli.write("deaf.sh", "#!/bin/sh\nsleep 25 &\necho $! > \(childFile)\nsleep 25\n")
        chmod(script, 0o755)
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks]
        timeout_seconds = 1

        [hooks.commands]
        routed = ["\(script)"]
        """)
        #expect(try cli.run("init").code == 0)
        // The routed notification quotes the impact: 100 KB, more than a pipe holds.
        let impact = String(repeating: "Every EU tenant's export fails with a timeout after 30 s. ", count: 1_800)
        let start = Date()
        let r = try cli.run("new", "--account", "A", "--title", "T", "--category", "security", "--severity", "critical",
                            "--impact-note", impact)
        let took = Date().timeIntervalSince(start)
        #expect(r.code == 0, "\(r.err)")
        #expect(took < 10, "the command returned after \(took) s")
        #expect(r.err.contains("timed out after 1 s before taking the whole notification"), "\(r.err)")
        let child = try Self.pid(in: childFile)
        #expect(!Self.isRunning(child), "the hook's background child \(child) outlived it")
        if Self.isRunning(child) { kill(child, SIGKILL) }
        #expect((try cli.json("list", "--json") as! [[String: Any]]).count == 1, "the change itself is saved")
    }

    @Test func aHookThatExitsLeavesNoBackgroundChildBehind() throws {
        var cli = CLI()
        defer { cli.remove() }
        let childFile = cli.root.appendingPathComponent("child.pid").path
        let capture = cli.root.appendingPathComponent("payload.json").path
        let script = try cli.write("quick.sh", "#!/bin/sh\ncat > \(capture)\nsleep 25 &\necho $! > \(childFile)\nexit 0\n")
        chmod(script, 0o755)
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks]
        timeout_seconds = 5

        [hooks.commands]
        routed = ["\(script)"]
        """)
        #expect(try cli.run("init").code == 0)
        let impact = String(repeating: "x", count: 100_000)
        let start = Date()
        let r = try cli.run("new", "--account", "A", "--title", "T", "--category", "security", "--severity", "critical",
                            "--impact-note", impact)
        let took = Date().timeIntervalSince(start)
        #expect(r.code == 0, "\(r.err)")
        #expect(took < 10, "the command (and whoever reads its output) waited \(took) s for the hook's child")
        #expect(!r.err.contains("hook failed"), "\(r.err)")
        let payload = try Data(contentsOf: URL(fileURLWithPath: capture))
        #expect(payload.count > 100_000, "the hook read the whole notification")
        let child = try Self.pid(in: childFile)
        #expect(!Self.isRunning(child), "the hook's background child \(child) outlived it")
        if Self.isRunning(child) { kill(child, SIGKILL) }
    }
}

/// Clock-driven notifications from `escalator notify`, each sent once.
@Suite struct NotifyTests {
    @Test func stalledAndBreachWarningsGoOutOnce() throws {
        var cli = CLI()
        defer { cli.remove() }
        let (script, capture) = try cli.payloadCollector()
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks.commands]
        stalled = ["\(script)"]
        breach_warning = ["\(script)"]
        """)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "critical"], at: "2026-03-10T08:00:00Z")
        #expect(try cli.run("ack", id, "--owner", "Mike", at: "2026-03-10T08:10:00Z").code == 0)
        #expect(try cli.run("notify", at: "2026-03-10T08:15:00Z").out.contains("Nothing to send"))
        // Three days later the critical escalation has stalled (48 h) and every clock has warned.
        let first = try cli.run("notify", at: "2026-03-13T09:00:00Z")
        #expect(first.code == 0)
        #expect(first.out.contains("stalled \(id)"))
        #expect(first.out.contains("breach_warning \(id)"))
        let second = try cli.run("notify", at: "2026-03-13T09:05:00Z")
        #expect(second.out.contains("Nothing to send"))
        let payloads = try String(contentsOfFile: capture, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        // One payload per line of a kind a hook takes (the stall's chain also prints reescalated lines; no hook takes them here).
        #expect(payloads.count == first.out.split(separator: "\n").filter { !$0.hasPrefix("reescalated ") }.count)
        #expect(first.out.contains("reescalated \(id) Acme Corp → stalled, level 2 (lead)"), "\(first.out)")
        #expect(payloads.contains { $0.contains("\"kind\":\"stalled\"") || $0.contains("\"kind\" : \"stalled\"") })
    }
}

/// `escalator config`: the commented defaults, and a check of the file in force.
@Suite struct ConfigCommandTests {
    @Test func printedDefaultsAreAValidFileAndMistakesHaveLines() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let defaults = try cli.run("config")
        #expect(defaults.code == 0)
        #expect(defaults.out.contains("[categories.product_defect]"))
        #expect(try cli.run("config", "--check").out.contains("built-in defaults"))
        try defaults.out.write(to: cli.store.appendingPathComponent("escalator.toml"), atomically: true, encoding: .utf8)
        #expect(try cli.run("config", "--check").out.contains("escalator.toml: valid"))
        let broken = defaults.out.replacingOccurrences(of: "time_zone = \"Europe/Berlin\"", with: "time_zone = \"Mars/Olympus\"")
        try broken.write(to: cli.store.appendingPathComponent("escalator.toml"), atomically: true, encoding: .utf8)
        let check = try cli.run("config", "--check")
        #expect(check.code == 65)
        #expect(check.err.contains("escalator.toml:"))
        #expect(check.err.contains("Mars/Olympus"))
        #expect(try cli.run("list").code == 65, "every command refuses a broken configuration")
    }
}

/// `hooks.log` is bounded: past `[hooks] log_limit_kb` it becomes `hooks.log.1` and a new one starts.
@Suite struct HookLogRotationTests {
    @Test func theLogRotatesAtItsLimitKeepingOnePreviousFile() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks]
        log_limit_kb = 1
        [hooks.commands]
        severity_changed = ["/bin/false"]
        """)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "critical"])
        for i in 0..<24 {
            let r = try cli.run("severity", id, i % 2 == 0 ? "high" : "critical", "--reason", "round \(i)")
            #expect(r.code == 0 && r.err.contains("hook failed"), "\(r.err)")
        }
        let log = cli.store.appendingPathComponent("hooks.log").path
        let previous = log + ".1"
        let current = try #require(FileManager.default.contents(atPath: log))
        let older = try #require(FileManager.default.contents(atPath: previous))
        #expect(current.count <= 1024 && older.count <= 1024)
        #expect(!FileManager.default.fileExists(atPath: log + ".2"))
        // The newest failure is in the current file, and nothing is cut mid-line.
        #expect(String(decoding: current, as: UTF8.self).contains("round 23") == false)
        #expect(String(decoding: current, as: UTF8.self).split(separator: "\n").last?.contains(id) == true)
        #expect(current.last == 10 && older.last == 10)
        let lines = (String(decoding: current, as: UTF8.self) + String(decoding: older, as: UTF8.self)).split(separator: "\n")
        #expect(lines.count < 24 && lines.count > 4)
    }
}
