import Foundation
import Testing

/// `metrics` and `report weekly` count an account's ARR once, from its oldest open escalation:
/// the same figure in every run, whatever order the store hands the escalations over in.
@Suite struct MetricsOrderTests {
    @Test func anAccountsARRAtRiskIsTheSameInEveryRun() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        for (i, arr) in ["10000", "50000", "90000", "70000"].enumerated() {
            _ = try cli.new(["--severity", "high", "--arr", arr], title: "Same account, issue \(i)", at: "2026-03-10T0\(i):00:00Z")
        }
        // Each process hashes with its own seed: without a fixed order the figure changes between runs.
        for _ in 0..<8 {
            let metrics = try cli.json("metrics", "--json", at: "2026-03-10T09:00:00Z") as! [String: Any]
            #expect((metrics["total"] as? [String: Any])?["arr_at_risk"] as? Int == 10000)
        }
    }
}
