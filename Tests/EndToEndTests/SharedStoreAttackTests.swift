#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Issue 11's attacks, tried as two members of a shared store's group and one outsider would,
/// with real Unix users, the built binary and the store's own files. Each attack is counted; the
/// suite fails unless the store withstood every one.
@Suite(.serialized) struct SharedStoreAttackTests {
    /// One attack: what a member does, and whether the store withstood it.
    struct Tally {
        var tried: [String] = []
        var failed: [String] = []

        mutating func attack(_ name: String, _ withstood: Bool) {
            tried.append(name)
            if !withstood { failed.append(name) }
            #expect(withstood, "attack not withstood: \(name)")
        }
    }

    @Test func everyAttackOnASharedStoreIsWithstood() throws {
        guard let lab = try SharedStoreLab.make() else { return }
        defer { lab.remove() }
        var tally = Tally()
        let store = lab.store
        let alice = "secalice", bob = "secbob", eve = "seceve"

        // alice creates the team's store; its modes are the shared ones.
        let created = try lab.escalator(alice, ["init", "--shared", "--group", SharedStoreLab.group])
        #expect(created.code == 0, "\(created.err)")
        #expect(SharedStoreLab.mode(store)?.mode == 0o2770)
        let id = try lab.new(alice)
        #expect(try lab.escalator(bob, ["ack", id, "--owner", "Bob"]).code == 0)

        // The outsider cannot even read it.
        let outsider = try lab.escalator(eve, ["list"])
        tally.attack("an outsider reads the store", outsider.code == 74 && outsider.out.isEmpty)

        // 1. bob replaces escalator.toml (the directory is group-writable) with hooks of his own.
        let marker = lab.root.appendingPathComponent("hook-ran").path
        let evil = "\(lab.home(bob))/evil.sh"
        try lab.shell(bob, "printf '#!/bin/sh\\ntouch \(marker)\\n' > \(evil) && chmod 755 \(evil) && chmod 711 \(lab.home(bob))")
        let hooks = "[hooks.commands]\nseverity_changed = [\"\(evil)\"]\nacknowledged = [\"\(evil)\"]\nrouted = [\"\(evil)\"]\n"
        try lab.shell(bob, "printf '\(hooks)' > /tmp/sec-mine-$$.toml && chmod 644 /tmp/sec-mine-$$.toml && mv -f /tmp/sec-mine-$$.toml \(store)/escalator.toml")
        let replaced = try lab.escalator(alice, ["severity", id, "high", "--reason", "checked logs"])
        tally.attack("bob's escalator.toml with hooks runs as alice",
                     replaced.code == 74 && !FileManager.default.fileExists(atPath: marker)
                     && replaced.err.contains("\(store)/escalator.toml") && replaced.err.contains("secbob") && replaced.err.contains("0644"))
        #expect(replaced.err.contains("cp \(store)/escalator.toml"), "\(replaced.err)")
        let listed = try lab.escalator(alice, ["list"])
        tally.attack("bob's escalator.toml steers even a read-only command", listed.code == 74 && listed.out.isEmpty)
        try lab.shell(bob, "rm -f \(store)/escalator.toml")

        // 2. alice's own configuration, left group-writable: bob edits it in place.
        try lab.shell(alice, "printf '[hooks]\\ntimeout_seconds = 5\\n' > \(store)/escalator.toml && chmod 664 \(store)/escalator.toml")
        try lab.shell(bob, "printf '\(hooks)' >> \(store)/escalator.toml")
        let edited = try lab.escalator(alice, ["severity", id, "high", "--reason", "second look"])
        tally.attack("bob edits a group-writable escalator.toml",
                     edited.code == 74 && !FileManager.default.fileExists(atPath: marker) && edited.err.contains("chmod go-w \(store)/escalator.toml"))
        try lab.shell(alice, "rm -f \(store)/escalator.toml")

        // 3. The same through ESCALATOR_CONFIG, pointing at a file bob may write.
        try lab.shell(bob, "printf '\(hooks)' > /tmp/sec-shared-config.toml && chmod 666 /tmp/sec-shared-config.toml")
        let named = try lab.escalator(alice, ["severity", id, "high", "--reason", "third look"], environment: ["ESCALATOR_CONFIG": "/tmp/sec-shared-config.toml"])
        tally.attack("a writable ESCALATOR_CONFIG file with hooks", named.code == 74 && !FileManager.default.fileExists(atPath: marker))
        unlink("/tmp/sec-shared-config.toml")

        // 4. escalator.toml as a link to a file of bob's that looks trusted (alice's own? no: to anything).
        try lab.shell(alice, "printf '[hooks]\\ntimeout_seconds = 5\\n' > \(lab.home(alice))/mine.toml")
        try lab.shell(bob, "ln -s \(lab.home(alice))/mine.toml \(store)/escalator.toml")
        let linkedConfig = try lab.escalator(alice, ["list"])
        tally.attack("escalator.toml planted as a link", linkedConfig.code == 74 && linkedConfig.err.contains("symbolic link"))
        try lab.shell(bob, "rm -f \(store)/escalator.toml")

        // 5. A link planted as the lock, pointing at alice's .bashrc.
        let bashrc = "\(lab.home(alice))/.bashrc"
        try lab.shell(alice, "echo 'export PS1=alice' > \(bashrc) && chmod 600 \(bashrc)")
        let before = SharedStoreLab.fingerprint(bashrc)
        try lab.shell(bob, "mv \(store)/lock \(store)/lock.old && ln -s \(bashrc) \(store)/lock")
        let viaLock = try lab.escalator(alice, ["update", id, "--note", "through the lock"])
        tally.attack("a link planted as lock", viaLock.code == 74 && viaLock.err.contains("\(store)/lock") && SharedStoreLab.fingerprint(bashrc) == before)
        // A FIFO as the lock: reported, and no command hangs on it.
        try lab.shell(bob, "rm -f \(store)/lock && mkfifo -m 660 \(store)/lock")
        let viaFifo = try lab.escalator(alice, ["update", id, "--note", "through a fifo"])
        tally.attack("a FIFO planted as lock", viaFifo.code == 74 && viaFifo.err.contains("FIFO") && viaFifo.seconds < 5)
        try lab.shell(bob, "rm -f \(store)/lock && mv \(store)/lock.old \(store)/lock")

        // 6. A link planted as hooks.log: alice's failing hook (her own, trusted configuration) must not append to .bashrc.
        try lab.shell(alice, "printf '[hooks.commands]\\nseverity_changed = [\"/bin/false\"]\\n' > \(store)/escalator.toml && chmod 640 \(store)/escalator.toml")
        try lab.shell(bob, "ln -s \(bashrc) \(store)/hooks.log")
        let viaHooksLog = try lab.escalator(alice, ["severity", id, "high", "--reason", "hook fails"])
        tally.attack("a link planted as hooks.log",
                     viaHooksLog.code == 0 && viaHooksLog.err.contains("hooks.log") && SharedStoreLab.fingerprint(bashrc) == before)
        try lab.shell(bob, "rm -f \(store)/hooks.log")

        // 7. A link planted as notified.log.
        let breach = "2026-03-13T09:00:00Z"
        try lab.shell(bob, "ln -s \(bashrc) \(store)/notified.log")
        let viaNotified = try lab.escalator(alice, ["notify"], environment: ["ESCALATOR_NOW": breach])
        tally.attack("a link planted as notified.log", viaNotified.code == 74 && SharedStoreLab.fingerprint(bashrc) == before)
        try lab.shell(bob, "rm -f \(store)/notified.log")

        // 8. Links planted under every temp-file name the old scheme would use next (name.tmp-PID).
        let pid = getpid()
        try lab.shell(bob, "for n in $(seq \(pid) \(pid + 400)); do ln -s \(bashrc) \(store)/accounts.json.tmp-$n; ln -s \(bashrc) \(store)/snapshot.json.tmp-$n; done")
        try lab.shell(alice, "printf 'name,arr,currency,segment,renewal,health,strategic\\nGlobex,9000,USD,smb,,80,no\\n' > \(lab.home(alice))/accounts.csv")
        let imported = try lab.escalator(alice, ["accounts", "import", "\(lab.home(alice))/accounts.csv"])
        tally.attack("links planted as predictable temp files", imported.code == 0 && SharedStoreLab.fingerprint(bashrc) == before
                     && (FileManager.default.contents(atPath: "\(store)/accounts.json").map { String(decoding: $0, as: UTF8.self).contains("Globex") } ?? false))
        try lab.shell(bob, "rm -f \(store)/*.tmp-*")

        // 9. quarantine/ replaced by a link to a folder of alice's, then a torn journal line to make the next writer quarantine.
        let victimDirectory = "\(lab.home(alice))/documents"
        try lab.shell(alice, "mkdir -p \(victimDirectory)")
        try lab.shell(bob, "rmdir \(store)/quarantine && ln -s \(victimDirectory) \(store)/quarantine && printf '{\"torn' >> $(ls \(store)/journal-*.jsonl | head -1)")
        let viaQuarantine = try lab.escalator(alice, ["update", id, "--note", "after the tear"])
        let planted = (try? FileManager.default.contentsOfDirectory(atPath: victimDirectory)) ?? []
        tally.attack("quarantine/ replaced by a link", viaQuarantine.code == 74 && viaQuarantine.err.contains("quarantine") && planted.isEmpty)
        try lab.shell(bob, "rm -f \(store)/quarantine && mkdir -m 2770 \(store)/quarantine")
        #expect(try lab.escalator(alice, ["update", id, "--note", "after the repair"]).code == 0)

        // 10. bob acts as alice: recorded with his real login.
        let impersonated = try lab.escalator(bob, ["update", id, "--note", "signed alice"], environment: ["ESCALATOR_USER": alice])
        #expect(impersonated.code == 0)
        let shown = try lab.escalator(alice, ["show", id])
        let json = try lab.escalator(alice, ["show", id, "--json"])
        let history = ((try? JSONSerialization.jsonObject(with: Data(json.out.utf8))) as? [String: Any])?["history"] as? [[String: Any]] ?? []
        let last = history.last ?? [:]
        tally.attack("ESCALATOR_USER impersonation",
                     shown.out.contains("secalice (by secbob): ") && last["actor"] as? String == alice && last["login"] as? String == bob)
        let brief = try lab.escalator(alice, ["brief", id])
        #expect(brief.out.contains("secalice (by secbob)"), "\(brief.out)")
        // Their own changes read as before: no "(by …)".
        #expect(history.first?["login"] as? String == alice)
        #expect(!shown.out.contains("secalice (by secalice)"))

        // With USER and LOGNAME unset, the actor is the login from the password database.
        let bare = try lab.escalator(bob, ["update", id, "--note", "no user variables"], unset: ["USER", "LOGNAME"])
        #expect(bare.code == 0)
        let bareJSON = try lab.escalator(alice, ["show", id, "--json"])
        let bareLast = (((try? JSONSerialization.jsonObject(with: Data(bareJSON.out.utf8))) as? [String: Any])?["history"] as? [[String: Any]])?.last ?? [:]
        #expect(bareLast["actor"] as? String == bob && bareLast["login"] as? String == bob)

        // 11. The 0640 lock-out: once alice has run notify and her hook failed, bob's still work and log.
        try lab.shell(alice, "printf '[hooks.commands]\\nseverity_changed = [\"/bin/false\"]\\nstalled = [\"/bin/false\"]\\n' > \(store)/escalator.toml && chmod 644 \(store)/escalator.toml")
        #expect(try lab.escalator(alice, ["severity", id, "critical", "--reason", "alice's hook fails"]).code == 0)
        let second = try lab.new(alice)
        #expect(try lab.escalator(alice, ["ack", second, "--owner", "Alice"]).code == 0)
        let aliceNotify = try lab.escalator(alice, ["notify"], environment: ["ESCALATOR_NOW": "2026-03-13T09:00:00Z"])
        #expect(aliceNotify.code == 0, "\(aliceNotify.err)")
        func hookLines() -> Int { FileManager.default.contents(atPath: "\(store)/hooks.log").map { $0.filter { $0 == 10 }.count } ?? 0 }
        let aliceLines = hookLines()
        let bobNotify = try lab.escalator(bob, ["notify"], environment: ["ESCALATOR_NOW": "2026-03-20T09:00:00Z"])
        let bobHook = try lab.escalator(bob, ["severity", id, "high", "--reason", "bob's hook fails"])
        let modes = ["notified.log", "hooks.log", "accounts.json", "notified.lock", "lock"].map { SharedStoreLab.mode("\(store)/\($0)") }
        tally.attack("the 0640 lock-out of notify's and the hooks' logs",
                     aliceLines >= 2 && bobNotify.code == 0 && bobHook.code == 0 && !bobHook.err.contains("not in hooks.log") && hookLines() > aliceLines
                     && modes.allSatisfy { $0?.mode == 0o660 && $0?.group == SharedStoreLab.group })
        #expect(modes.allSatisfy { $0?.mode == 0o660 }, "\(modes) \(bobNotify.err) \(bobHook.err)")

        // 12. notify while another member's notify delivers slow hooks: the senders' lock is held only
        // while queueing in the outbox, so it returns within the timeout, naming the one delivering.
        try lab.shell(alice, "printf '[hooks.commands]\\nstalled = [\"/bin/sleep 4\"]\\nbreach_warning = [\"/bin/sleep 4\"]\\n' > \(store)/escalator.toml && chmod 644 \(store)/escalator.toml")
        let third = try lab.new(alice)
        #expect(try lab.escalator(alice, ["ack", third, "--owner", "Alice"]).code == 0)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        holder.arguments = ["--reuid=\(alice)", "--regid=\(alice)", "--init-groups", "--", CLI.executable.path, "notify"]
        holder.environment = ["PATH": "/usr/bin:/bin", "HOME": lab.home(alice), "USER": alice, "ESCALATOR_STORE": store, "ESCALATOR_NOW": "2026-03-27T09:00:00Z"]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        usleep(1_500_000)
        let waiting = try lab.escalator(bob, ["notify"], environment: ["ESCALATOR_NOW": "2026-03-27T09:00:00Z", "ESCALATOR_LOCK_TIMEOUT": "1"])
        holder.waitUntilExit()
        let delivering = waiting.out.contains("is delivering the outbox") && waiting.out.contains("secalice") && waiting.out.contains("notify")
        tally.attack("notify waits forever on a held lock", waiting.code == 0 && waiting.seconds < 3 && delivering)
        #expect(waiting.code == 0 && waiting.seconds < 3 && delivering, "\(waiting.code) after \(waiting.seconds) s: \(waiting.out) \(waiting.err)")

        // 13. notify --dry-run on a read-only store: it only reads.
        try lab.shell(alice, "rm -f \(store)/escalator.toml")
        let fourth = try lab.new(alice)
        #expect(try lab.escalator(alice, ["ack", fourth, "--owner", "Alice"]).code == 0)
        try SharedStoreLab.system("/bin/chmod", ["-R", "a-w", store])
        let dry = try lab.escalator(bob, ["notify", "--dry-run"], environment: ["ESCALATOR_NOW": "2026-04-10T09:00:00Z"])
        let wet = try lab.escalator(bob, ["notify"], environment: ["ESCALATOR_NOW": "2026-04-10T09:00:00Z"])
        try SharedStoreLab.system("/bin/chmod", ["-R", "ug+w", store])
        tally.attack("notify --dry-run needs write access", dry.code == 0 && dry.out.contains(fourth) && wet.code == 74)

        print("SharedStoreAttackTests: \(tally.tried.count) attacks tried, \(tally.tried.count - tally.failed.count) withstood"
              + (tally.failed.isEmpty ? "" : "; not withstood: \(tally.failed.joined(separator: "; "))"))
    }
}
