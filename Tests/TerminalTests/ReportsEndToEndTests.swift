import Foundation
import Testing

/// The board's reports (`R`) and the command line's read the same data: on a demo store with an
/// archive, `escalator metrics` and `report weekly` print the figures the board shows.
@Suite(.serialized) struct ReportsEndToEndTests {
    static let binary = TmuxPane.built("escalator")

    func output(_ arguments: String, store: String) throws -> Any {
        let out = NSTemporaryDirectory() + "people-reports-\(UUID().uuidString).json"
        defer { unlink(out) }
        let status = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) \(arguments) --store \(TmuxPane.quoted(store)) > \(out)")
        try #require(status == 0)
        return try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
    }

    /// The number after `label` on the screen ("Active 25" → 25).
    static func number(after label: String, in screen: String) -> Int? {
        guard let range = screen.range(of: label) else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func theBoardsReportsShowTheFiguresOfMetricsAndReportWeekly() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let store = NSTemporaryDirectory() + "people-reports-e2e-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: store) }
        try #require(system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) demo --store \(TmuxPane.quoted(store)) --count 300 --seed 5 >/dev/null") == 0)
        let all = try #require(try output("list --all --json", store: store) as? [[String: Any]])
        let loaded = try #require(try output("list --json", store: store) as? [[String: Any]])
        #expect(all.count > loaded.count + 100, "the store has an archive the board does not load")

        let weekly = try #require(try output("report weekly", store: store) as? [String: Any])
        let metrics = try #require(try output("metrics --by tier --json", store: store) as? [String: Any])
        let total = try #require(metrics["total"] as? [String: Any])
        let groups = try #require(metrics["groups"] as? [[String: Any]])

        let pane = try TmuxPane(width: 160, height: 48, command: "sh -c 'ESCALATOR_NOW= \(Self.binary) board --store \(store); sleep 30'")
        pane.wait(for: "● live", "Routed")
        try pane.send("R")
        var screen = pane.wait(for: "Week ending", "Active ")
        #expect(Self.number(after: "Active ", in: screen) == weekly["active_escalations"] as? Int, "\(screen)")
        #expect(Self.number(after: "New ", in: screen) == weekly["new_this_week"] as? Int, "\(screen)")
        #expect(Self.number(after: "Resolved ", in: screen) == weekly["resolved_this_week"] as? Int, "\(screen)")

        try pane.send("2")
        screen = pane.wait(for: "by tier: ", "All ")
        let count = try #require(total["count"] as? Int)
        #expect(Self.number(after: "by tier: ", in: screen) == count, "\(screen)")
        let allRow = try #require(screen.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("All ") })
        let ack = try #require(total["acknowledge_sla_percent"] as? Double)
        #expect(allRow.split(separator: " ").prefix(2).last.map(String.init) == "\(count)", "\(allRow)")
        #expect(allRow.contains(" \(Int(ack.rounded()))%"), "\(allRow)")
        for group in groups {
            let label = try #require(group["label"] as? String)
            let row = screen.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") }
            let shown = row.flatMap { Int($0.trimmingCharacters(in: .whitespaces).dropFirst(label.count).split(separator: " ").first ?? "") }
            #expect(shown == group["count"] as? Int, "\(label): \(String(describing: row))")
        }
    }
}
