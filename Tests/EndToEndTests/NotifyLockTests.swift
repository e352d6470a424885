import Foundation
import Testing

/// `notify` never waits forever: with its senders' lock (`notified.lock`) held by another process,
/// it gives up after `ESCALATOR_LOCK_TIMEOUT` with exit 75 and records nothing.
@Suite struct NotifyLockTests {
    @Test func notifyWithItsLockHeldExitsBusyWithinTheTimeoutAndRecordsNothing() throws {
        var cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        _ = try cli.write("store/escalator.toml", "[hooks.commands]\nstalled = [\"/bin/true\"]\nbreach_warning = [\"/bin/true\"]\n")
        let id = try cli.new(["--severity", "high"])
        #expect(try cli.run("ack", id, "--owner", "Carla").code == 0)
        let later = "2026-03-27T09:00:00Z"
        #expect(try cli.run("notify", "--dry-run", at: later).out.contains(id), "something is due for notify to send")

        let lockPath = cli.store.appendingPathComponent("notified.lock").path
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lockPath, "sleep", "3"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.3)

        cli.extraEnvironment["ESCALATOR_LOCK_TIMEOUT"] = "1"
        let started = Date()
        let busy = try cli.run("notify", at: later)
        let seconds = Date().timeIntervalSince(started)
        #expect(busy.code == 75, "\(busy.code): \(busy.err)")
        #expect(seconds < 4, "gave up after \(seconds) s")
        #expect(busy.err.lowercased().contains("busy") || busy.err.contains("lock"), "\(busy.err)")
        let record = (try? String(contentsOfFile: cli.store.appendingPathComponent("notified.log").path, encoding: .utf8)) ?? ""
        #expect(!record.contains(id), "a refused notify recorded nothing")

        // Killing flock would leave its `sleep` holding the lock: let the holder end by itself.
        holder.waitUntilExit()
        let sent = try cli.run("notify", at: later)
        #expect(sent.code == 0, "\(sent.err)")
        let after = (try? String(contentsOfFile: cli.store.appendingPathComponent("notified.log").path, encoding: .utf8)) ?? ""
        #expect(after.contains(id), "once the lock is free the notification is sent and recorded")
    }
}
