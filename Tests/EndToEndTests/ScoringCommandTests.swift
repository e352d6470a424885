import Foundation
import Testing

/// `score` and `assess`: the decision framework and determine-escalation from the command line.
@Suite struct ScoringCommandTests {
    @Test(arguments: [
        ([2, 2, 2, 2], 8, "handle_yourself"), ([3, 2, 2, 2], 9, "escalate_for_support"),
        ([4, 3, 3, 3], 13, "escalate_for_support"), ([5, 3, 3, 3], 14, "escalate_with_urgency"),
        ([5, 4, 4, 4], 17, "escalate_with_urgency"), ([5, 5, 4, 4], 18, "escalate_immediately"),
    ])
    func bandsAtTheirEdges(scores: [Int], total: Int, decision: String) throws {
        let cli = CLI()
        defer { cli.remove() }
        let json = try cli.json("score", "--impact", "\(scores[0])", "--value", "\(scores[1])", "--urgency", "\(scores[2])",
                                "--capability", "\(scores[3])", "--json") as! [String: Any]
        #expect(json["total"] as? Int == total)
        #expect(json["decision"] as? String == decision)
        let expected = total >= 18 ? "critical" : total >= 14 ? "high" : "medium"
        #expect(json["suggested_severity"] as? String == expected)
        #expect((json["rationale"] as? [Any])?.count == 4)
    }

    @Test func assessmentLayoutWithoutJSON() throws {
        let cli = CLI()
        defer { cli.remove() }
        let r = try cli.run("score", "--impact", "5", "--value", "5", "--urgency", "4", "--capability", "4", "--account", "Acme Corp")
        #expect(r.code == 0)
        #expect(r.out.contains("## Escalation Assessment: Acme Corp"))
        #expect(r.out.contains("| **Total** | **18** |"))
        #expect(r.out.contains("Escalate immediately"))
    }

    @Test func scoresOutsideOneToFiveAreBadInput() throws {
        let cli = CLI()
        defer { cli.remove() }
        for bad in ["0", "6", "-1"] {
            let r = try cli.run("score", "--impact", bad, "--value", "3", "--urgency", "3", "--capability", "3")
            #expect(r.code == 65, "score \(bad)")
        }
        #expect(try cli.run("score", "--impact", "x", "--value", "3", "--urgency", "3", "--capability", "3").code == 65)
        #expect(try cli.run("score", "--value", "3", "--urgency", "3", "--capability", "3").code == 64)
    }

    @Test func seed003Example() throws {
        let cli = CLI()
        defer { cli.remove() }
        let json = try cli.json("assess", "--severity", "high", "--impact", "multiple_customers", "--duration-hours", "4", "--current-tier", "1",
                                "--segment", "enterprise", "--health-score", "45", "--contract-value", "500000",
                                "--previous-escalations", "2", "--sentiment", "frustrated", "--json") as! [String: Any]
        #expect(json["tier"] as? Int == 3)
        #expect(json["urgency"] as? String == "high")
        #expect(json["raises_tier"] as? Bool == true)
        #expect(!((json["rationale"] as? [String]) ?? []).isEmpty)
    }
}
