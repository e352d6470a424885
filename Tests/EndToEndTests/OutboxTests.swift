#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The outbox: every notification is in the store before its hook runs, is retried with backoff
/// until it is delivered or dead, and survives a process killed between its commit and its delivery.
@Suite struct OutboxTests {
    /// A hook that appends each payload to `payloads` (one per line) and fails its first `failures` runs.
    func hook(_ cli: CLI, failures: Int = 0, retryHours: Int = 24, timeout: Int = 5) throws -> String {
        let dir = cli.root.path
        let script = try cli.write("hook.sh", """
        #!/bin/sh
        if [ -e \(dir)/hang ]; then echo $$ > \(dir)/started; sleep 60; fi
        n=$(cat \(dir)/count 2>/dev/null || echo 0); n=$((n+1)); echo $n > \(dir)/count
        cat >> \(dir)/payloads; echo >> \(dir)/payloads
        [ $n -le \(failures) ] && exit 1
        exit 0

        """)
        chmod(script, 0o755)
        return try cli.write("config.toml", """
        [hooks]
        timeout_seconds = \(timeout)
        retry_hours = \(retryHours)

        [hooks.commands]
        routed = ["\(script)"]
        """)
    }

    func payloads(_ cli: CLI) -> [[String: Any]] {
        let text = (try? String(contentsOf: cli.root.appendingPathComponent("payloads"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func outbox(_ cli: CLI, _ extra: String...) throws -> [[String: Any]] {
        let r = try cli.run(["outbox", "--json"] + extra)
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]] ?? []
    }

    @Test func aHookThatFailsTwiceThenSucceedsIsRetriedWithBackoff() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try hook(cli, failures: 2)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], at: "2026-03-10T09:00:00Z")
        var pending = try outbox(cli)
        #expect(pending.count == 1)
        #expect(pending.first?["status"] as? String == "failed")
        #expect(pending.first?["next_attempt"] as? String == "2026-03-10T09:01:00.000Z")
        #expect(pending.first?["idempotency_key"] as? String == "\(id)|1|routed")
        // Not due yet: nothing is tried.
        #expect(try cli.run("notify", at: "2026-03-10T09:00:59Z").code == 0)
        #expect(payloads(cli).count == 1)
        #expect(try cli.run("notify", at: "2026-03-10T09:01:00Z").out.contains("0 delivered, 1 failed"))
        pending = try outbox(cli)
        #expect(pending.first?["next_attempt"] as? String == "2026-03-10T09:03:00.000Z")
        #expect(pending.first?["attempts"] as? Int == 2)
        let third = try cli.run("notify", at: "2026-03-10T09:03:00Z")
        #expect(third.out.contains("1 delivered, 0 failed"), "\(third.out)")
        #expect(try outbox(cli).isEmpty)
        #expect(try cli.run("outbox").out.contains("Nothing waits in the outbox."))
        let all = try outbox(cli, "--all")
        #expect(all.first?["status"] as? String == "delivered")
        // Three attempts, the same payload each time, with the same idempotency key.
        let sent = payloads(cli)
        #expect(sent.count == 3)
        #expect(Set(sent.compactMap { $0["idempotency_key"] as? String }) == ["\(id)|1|routed"])
        #expect(Set(sent.compactMap { $0["time"] as? String }).count == 1, "the payload made at the commit, every time")
        // Later commands leave a delivered notification alone.
        #expect(try cli.run("notify", at: "2026-03-11T09:00:00Z").code == 0)
        #expect(payloads(cli).count == 3)
    }

    @Test func aDeliveryFailingPastTheWindowIsDeadUntilRetried() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try hook(cli, failures: 6, retryHours: 1)
        #expect(try cli.run("init").code == 0)
        _ = try cli.new(["--severity", "high"], at: "2026-03-10T09:00:00Z")
        for time in ["09:01", "09:03", "09:07", "09:15", "09:31"] {
            #expect(try cli.run("notify", at: "2026-03-10T\(time):00Z").out.contains("1 failed"), "at \(time)")
        }
        let dead = try outbox(cli)
        #expect(dead.first?["status"] as? String == "dead")
        #expect(dead.first?["next_attempt"] is NSNull)
        let listed = try cli.run("outbox")
        #expect(listed.out.contains("dead"))
        #expect(try cli.run("notify", at: "2026-03-10T11:00:00Z").code == 0)
        #expect(payloads(cli).count == 6, "a dead delivery is not tried by itself")
        let unknown = try cli.run("outbox", "retry", "D000000000000")
        #expect(unknown.code == 65 && unknown.err.contains("no delivery D000000000000"), "\(unknown.err)")
        let neither = try cli.run("outbox", "retry")
        #expect(neither.code != 0)
        let retried = try cli.run("outbox", "retry", dead.first?["id"] as? String ?? "", at: "2026-03-10T12:00:00Z")
        #expect(retried.out.contains("Retried 1: 1 delivered"), "\(retried.out) \(retried.err)")
        #expect(try outbox(cli).isEmpty)
    }

    /// The store-torture helper commits and kills itself with SIGKILL before queueing anything, as a
    /// crash right after the journal's fdatasync would: the next `notify` finds the event and delivers it.
    @Test func aProcessKilledBetweenItsCommitAndTheQueueingLosesNothing() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try hook(cli)
        let now = ISO8601DateFormatter().string(from: Date())
        #expect(try cli.run("init").code == 0)
        let first = try cli.new(["--severity", "high"], at: now)
        #expect(payloads(cli).count == 1)

        let torture = Process()
        torture.executableURL = CLI.executable.deletingLastPathComponent().appendingPathComponent("store-torture")
        torture.arguments = ["commit-then-die", cli.store.path, "tess"]
        let out = Pipe()
        torture.standardOutput = out
        try torture.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        torture.waitUntilExit()
        #expect(torture.terminationReason == .uncaughtSignal && torture.terminationStatus == SIGKILL)
        let words = said.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(words.count == 3 && words[0] == "ok", "\(said)")
        let killedID = words.last ?? ""
        #expect(payloads(cli).count == 1, "nothing was delivered by the killed process")

        let notify = try cli.run("notify", at: now)
        #expect(notify.out.contains("1 delivered"), "\(notify.out) \(notify.err)")
        let sent = payloads(cli)
        #expect(sent.map { $0["escalation_id"] as? String } == [first, killedID])
        #expect(sent.last?["idempotency_key"] as? String == "\(killedID)|\(words[1])|routed")
        // Caught up once: another run sends nothing again.
        _ = try cli.run("notify", at: now)
        #expect(payloads(cli).count == 2)
    }

    /// `escalator new` killed with SIGKILL while its hook runs: the notification was queued first,
    /// so the next command delivers it, with the same idempotency key the interrupted hook saw.
    @Test func aCommandKilledDuringItsDeliveryIsDeliveredByTheNext() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try hook(cli, timeout: 60)
        #expect(try cli.run("init").code == 0)
        let hang = cli.root.appendingPathComponent("hang").path
        let started = cli.root.appendingPathComponent("started").path
        FileManager.default.createFile(atPath: hang, contents: nil)

        let new = Process()
        new.executableURL = CLI.executable
        new.arguments = ["new", "--account", "Acme Corp", "--title", "Killed mid-delivery", "--category", "security", "--severity", "high"]
        var environment = ProcessInfo.processInfo.environment
        environment["ESCALATOR_STORE"] = cli.store.path
        environment["ESCALATOR_NOW"] = cli.now
        environment["ESCALATOR_USER"] = cli.user
        for (k, v) in cli.extraEnvironment { environment[k] = v }
        new.environment = environment
        new.standardOutput = FileHandle.nullDevice
        new.standardError = FileHandle.nullDevice
        try new.run()
        let deadline = Date().addingTimeInterval(20)
        func hookPID() -> Int32? { Int32((try? String(contentsOfFile: started, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") }
        while hookPID() == nil, Date() < deadline { usleep(20_000) }
        #expect(hookPID() != nil, "the hook started")
        kill(new.processIdentifier, SIGKILL)
        // The orphaned hook is ours to end (its own process group); Foundation's wait also waits for it.
        if let pid = hookPID() { kill(-pid, SIGKILL) }
        new.waitUntilExit()
        #expect(new.terminationReason == .uncaughtSignal)
        unlink(hang)

        let waiting = try outbox(cli)
        #expect(waiting.count == 1 && waiting.first?["status"] as? String == "pending", "\(waiting)")
        let id = try cli.new(["--severity", "high"], title: "The next commit", at: cli.now)
        let sent = payloads(cli)
        let keys = sent.compactMap { $0["idempotency_key"] as? String }
        #expect(keys.count == 2, "\(sent)")
        #expect(keys.first == "ESC-2026-0001|1|routed")
        #expect(keys.last == "\(id)|2|routed")
        #expect(try outbox(cli).isEmpty)
    }
}

/// The escalation chain through `notify`: each level once, as a reescalated notification naming it;
/// `show` lists who was told when.
@Suite struct ChainNotifyTests {
    @Test func eachLevelGoesOutOnceAndShowListsThem() throws {
        var cli = CLI()
        defer { cli.remove() }
        let (script, capture) = try cli.payloadCollector()
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks.commands]
        reescalated = ["\(script)"]

        [chains.product_defect]
        levels = ["contact@0", "person:Mike Chen@50", "team:cs_leadership@100"]
        repeat_every_hours = 4
        repeat_times = 1
        """)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], at: "2026-03-10T14:00:00Z")
        #expect(try cli.run("notify", at: "2026-03-10T15:59:00Z").out.contains("reescalated") == false)
        let second = try cli.run("notify", at: "2026-03-10T16:00:00Z")
        #expect(second.out.contains("reescalated \(id) Acme Corp → level 2 (person:Mike Chen): Mike Chen"), "\(second.out)")
        #expect(try cli.run("notify", at: "2026-03-10T16:05:00Z").out.contains("reescalated") == false)
        let third = try cli.run("notify", at: "2026-03-11T14:00:00Z")
        #expect(third.out.contains("level 3 (team:cs_leadership)") && third.out.contains("repeat 1 (team:cs_leadership)"), "\(third.out)")
        #expect(try cli.run("notify", at: "2026-03-12T14:00:00Z").out.contains("reescalated") == false, "the chain ends after its repeats")
        let sent = try String(contentsOfFile: capture, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(sent.compactMap { $0["level"] as? String }.map { String($0.prefix(7)) } == ["level 2", "level 3", "repeat "])
        #expect(Set(sent.compactMap { $0["kind"] as? String }) == ["reescalated"])
        let show = try cli.run("show", id, at: "2026-03-12T14:00:00Z")
        #expect(show.out.contains("Notified"))
        #expect(show.out.contains("2026-03-10 17:00  delivered reescalated level 2 (person:Mike Chen)"), "\(show.out)")
        // Acknowledged: the chain stops.
        let other = try cli.new(["--severity", "high"], at: "2026-03-10T14:00:00Z")
        #expect(try cli.run("ack", other, "--owner", "Mike", at: "2026-03-10T14:30:00Z").code == 0)
        #expect(try cli.run("notify", at: "2026-03-10T17:00:00Z").out.contains("reescalated \(other)") == false)
    }

    @Test func aBadChainIsReportedWithItsLine() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [chains.default]
        levels = ["boss@50"]
        """)
        let r = try cli.run("config", "--check")
        #expect(r.code == 65 && r.err.contains("escalator.toml:2") && r.err.contains("WHO@PERCENT"), "\(r.err)")
    }
}
