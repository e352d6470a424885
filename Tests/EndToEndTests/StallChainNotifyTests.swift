import Foundation
import Testing

/// A stalled escalation re-escalates along its chain through `notify`: the stalled flag when it
/// stalls, then each further level once, at its time; progress ends it.
@Suite struct StallChainNotifyTests {
    /// What `notify` printed of the stall and the chain (the resolve clock's breach warnings aside).
    func chain(_ r: CLI.Result) -> [String] {
        r.out.split(separator: "\n").map(String.init).filter { $0.hasPrefix("stalled ") || $0.hasPrefix("reescalated ") }
    }

    @Test func theStallClimbsTheChainOnceEachAndStopsAtProgress() throws {
        var cli = CLI()
        defer { cli.remove() }
        let (script, capture) = try cli.payloadCollector()
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks.commands]
        stalled = ["\(script)"]
        reescalated = ["\(script)"]
        """)
        #expect(try cli.run("init").code == 0)
        // Friday 15:00 Berlin, acknowledged and started at once: the chain for not acknowledging never runs.
        let id = try cli.new(["--severity", "high"], at: "2026-03-13T14:00:00Z")
        #expect(try cli.run("ack", id, "--owner", "mike", at: "2026-03-13T14:00:00Z").code == 0)
        #expect(try cli.run("start", id, at: "2026-03-13T14:00:00Z").code == 0)
        // Five business days without progress: stalled at Friday 15:00 Berlin; the flag goes out.
        let stalled = try cli.run("notify", at: "2026-03-20T14:00:00Z")
        #expect(chain(stalled) == ["stalled \(id) Acme Corp"], "\(stalled.out)")
        #expect(chain(try cli.run("notify", at: "2026-03-20T15:59:00Z")).isEmpty)
        // Half the acknowledge target (4 business hours) after the stall: Friday 17:00 Berlin.
        let lead = try cli.run("notify", at: "2026-03-20T16:00:00Z")
        #expect(chain(lead) == ["reescalated \(id) Acme Corp → stalled, level 2 (lead): Engineering lead (none named)"], "\(lead.out)")
        #expect(chain(try cli.run("notify", at: "2026-03-23T09:59:00Z")).isEmpty, "the weekend does not count")
        // All of it: Monday 11:00 Berlin.
        let leadership = try cli.run("notify", at: "2026-03-23T10:00:00Z")
        #expect(chain(leadership).count == 1 && chain(leadership)[0].hasPrefix("reescalated \(id) Acme Corp → stalled, level 3 (team:cs_leadership): CS leadership"), "\(leadership.out)")
        // Progress ends the stall: the repeat at 15:00 Berlin never goes out.
        #expect(try cli.run("update", id, "--note", "Profiling the query", at: "2026-03-23T11:00:00Z", as: "mike").code == 0)
        #expect(chain(try cli.run("notify", at: "2026-03-23T14:00:00Z")).isEmpty)
        let sent = try String(contentsOfFile: capture, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(sent.compactMap { $0["kind"] as? String } == ["stalled", "reescalated", "reescalated"])
        #expect(sent.compactMap { $0["level"] as? String }.map { String($0.prefix(24)) } == ["stalled, level 2 (lead):", "stalled, level 3 (team:c"])
    }
}
