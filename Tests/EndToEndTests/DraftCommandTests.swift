import Foundation
import Testing

/// `escalator draft` and `update --customer --from-draft` through the built binary.
@Suite struct DraftCommandTests {
    @Test func draftsPrintAsMarkdownOrJSONAndTheCustomerOneIsLoggedAsSent() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high", "--reason", "x", "--arr", "85000", "--impact", "4", "--urgency", "3", "--capability", "3"], at: "2026-03-10T08:00:00Z")
        #expect(try cli.run("ack", id, "--owner", "Mike Ross", at: "2026-03-10T09:00:00Z").code == 0)
        #expect(try cli.run("update", id, "--note", "Internal: the deploy broke it", at: "2026-03-10T09:30:00Z").code == 0)

        let customer = try cli.run("draft", id, "--for", "customer", at: "2026-03-10T10:00:00Z")
        #expect(customer.code == 0)
        #expect(customer.out.hasPrefix("# We have escalated your issue: API latency on reports\n\nHello Acme Corp team,\n"))
        for leak in ["Mike", "85", "ARR", "Internal"] { #expect(!customer.out.contains(leak), "\(leak)") }

        let json = try cli.json("draft", id, "--for", "management", "--json", at: "2026-03-10T10:00:00Z") as! [String: Any]
        #expect(Set(json.keys) == ["audience", "template", "escalation_id", "subject", "body", "time"])
        #expect(json["audience"] as? String == "management")
        #expect(json["template"] as? String == "management_summary")
        #expect((json["body"] as? String)?.contains("owner Mike Ross") == true)
        #expect(try cli.run("draft", id, "--for", "press", at: "2026-03-10T10:00:00Z").code != 0)

        #expect(try cli.run("update", id, "--from-draft", at: "2026-03-10T10:05:00Z").code == 64, "--from-draft goes with --customer")
        #expect(try cli.run("update", id, at: "2026-03-10T10:05:00Z").code == 64)
        #expect(try cli.run("update", id, "--customer", "--from-draft", at: "2026-03-10T10:05:00Z").code == 0)
        let show = try cli.json("show", id, "--json", at: "2026-03-10T10:05:00Z") as! [String: Any]
        let told = ((show["brief"] as? [String: Any])?["communication"] as? [String: Any])?["last_update"] as? String
        #expect(told?.hasPrefix("Hello Acme Corp team, We have escalated \"API latency on reports\"") == true)
    }
}
