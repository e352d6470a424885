import Foundation
import Testing

/// The ready-made deliveries, as hook commands, against a fake `sendmail`.
@Suite struct DeliverTests {
    @Test func mailGoesThroughSendmailAsAHook() throws {
        var cli = CLI()
        defer { cli.remove() }
        let dir = cli.root.path
        let fake = try cli.write("sendmail", """
        #!/bin/sh
        if [ -e \(dir)/down ]; then exit 75; fi
        echo "$@" > \(dir)/args
        cat > \(dir)/mail

        """)
        chmod(fake, 0o755)
        FileManager.default.createFile(atPath: "\(dir)/down", contents: nil)
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks.commands]
        routed = ["\(CLI.executable.path) deliver mail --to cs-leads@example.com --from escalator@example.com --sendmail \(fake)"]
        """)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], title: "Reports time out", at: "2026-03-10T09:00:00Z")
        // sendmail is down: the delivery failed and waits in the outbox.
        #expect(try cli.run("outbox").out.contains("failed"))
        unlink("\(dir)/down")
        #expect(try cli.run("notify", at: "2026-03-10T09:01:00Z").out.contains("1 delivered"))
        let mail = try String(contentsOfFile: "\(dir)/mail", encoding: .utf8)
        let args = try String(contentsOfFile: "\(dir)/args", encoding: .utf8)
        #expect(args.trimmingCharacters(in: .whitespacesAndNewlines) == "-i -f escalator@example.com -- cs-leads@example.com")
        #expect(mail.hasPrefix("From: escalator@example.com\nTo: cs-leads@example.com\nSubject: [\(id)] P2 Engineering: Reports time out"), "\(mail)")
        #expect(mail.contains("X-Escalator-Key: \(id)|1|routed"))
        #expect(mail.contains("New escalation \(id), routed to you."))
    }

    @Test func badInputSendsNothing() throws {
        let cli = CLI()
        defer { cli.remove() }
        let r = try cli.run("deliver", "mail", "--to", "a@example.com", "--sendmail", "/bin/false", input: "not json")
        #expect(r.code == 65 && r.err.contains("not a notification"), "\(r.err)")
        let noTo = try cli.run("deliver", "mail", input: "{}")
        #expect(noTo.code == 64 || noTo.code == 65)
        let option = try cli.run("deliver", "mail", "--to=-oQ/tmp/x", input: "{}")
        #expect(option.code == 64 && option.err.contains("is not one address"), "\(option.err)")
    }
}
