import Foundation
import Testing

/// A scripted day: create, score, route, acknowledge, progress, stall by moving the clock,
/// re-escalate, recover, resolve, close, and the weekly report — checked field by field.
@Suite struct DayInTheLifeTests {
    @Test func fromRoutingToTheWeeklyReport() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)

        // Monday 2026-03-09 09:00 Berlin (08:00Z): a CSM scores and routes a defect at a EUR 85k account.
        let id = try cli.new(["--arr", "85000", "--impact", "5", "--value", "5", "--urgency", "3", "--capability", "4",
                              "--ask", "Investigate the slow query and give a fix date", "--ask-kind", "investigate",
                              "--deadline", "2026-03-13", "--impact-note", "Analytics team loses 4 hours a week."],
                             at: "2026-03-09T08:00:00Z")
        #expect(id == "ESC-2026-0001")
        var show = try cli.json("show", id, "--json", at: "2026-03-09T08:00:00Z") as! [String: Any]
        #expect(show["status"] as? String == "routed")
        #expect(show["severity"] as? String == "high")          // 17 → high
        #expect(show["suggested_severity"] as? String == "high")
        #expect(show["team"] as? String == "engineering")
        #expect((show["score"] as? [String: Any])?["total"] as? Int == 17)
        let clocks = show["clocks"] as! [[String: Any]]
        let ack = clocks.first { $0["kind"] as? String == "acknowledge" }!
        #expect(ack["state"] as? String == "running")
        #expect(ack["deadline"] as? String == "2026-03-09T12:00:00.000Z", "4 business hours after 09:00 Berlin")

        // The engineer acknowledges from the command line, starts, logs progress.
        #expect(try cli.run("ack", id, "--owner", "Mike Ross (Eng Lead)", at: "2026-03-09T09:30:00Z", as: "mike").code == 0)
        #expect(try cli.run("start", id, at: "2026-03-09T10:00:00Z", as: "mike").code == 0)
        #expect(try cli.run("update", id, "--note", "Reproduced on staging", at: "2026-03-09T13:00:00Z", as: "mike").code == 0)
        #expect(try cli.run("update", id, "--customer", "--note", "Told Acme we are on it", at: "2026-03-09T13:30:00Z").code == 0)

        // Nothing for five business days: five business days after the last progress (Monday 14:00 Berlin) it is stalled, with no command run.
        show = try cli.json("show", id, "--json", at: "2026-03-16T12:59:00Z") as! [String: Any]
        #expect(show["status"] as? String == "in_progress")
        show = try cli.json("show", id, "--json", at: "2026-03-16T13:01:00Z") as! [String: Any]
        #expect(show["status"] as? String == "stalled")
        #expect((show["flags"] as? [String])?.contains("stalled") == true)
        let stalledList = try cli.json("list", "--status", "stalled", "--json", at: "2026-03-16T13:01:00Z") as! [[String: Any]]
        #expect(stalledList.map { $0["id"] as? String } == [id])

        // The CSM re-escalates: tier up, with a reason; progress brings it back to In progress.
        #expect(try cli.run("tier", id, "3", "--reason", "Stalled a week; renewal in 60 days", at: "2026-03-16T14:05:00Z").code == 0)
        #expect(try cli.run("update", id, "--note", "Fix in review", at: "2026-03-16T15:00:00Z", as: "mike").code == 0)
        show = try cli.json("show", id, "--json", at: "2026-03-16T15:00:00Z") as! [String: Any]
        #expect(show["status"] as? String == "in_progress")
        #expect(show["tier"] as? Int == 3)

        // Resolved, then closed by the CSM once the customer confirms.
        #expect(try cli.run("resolve", id, "--resolution", "Index added; p95 back to 300 ms", at: "2026-03-17T10:00:00Z", as: "mike").code == 0)
        #expect(try cli.run("close", id, at: "2026-03-17T16:00:00Z").code == 0)
        show = try cli.json("show", id, "--json", at: "2026-03-17T16:00:00Z") as! [String: Any]
        #expect(show["status"] as? String == "closed")
        let history = (show["history"] as! [[String: Any]]).map { $0["actor"] as! String }
        #expect(history == ["carla", "mike", "mike", "mike", "carla", "carla", "mike", "mike", "carla"])

        // A second escalation still open at the report date.
        let other = try cli.new(["--severity", "critical", "--arr", "40000"], account: "Globex", title: "SSO login loop",
                                category: "product_defect", at: "2026-03-16T09:00:00Z")

        let weekly = try cli.json("report", "weekly", "--date", "2026-03-17", at: "2026-03-18T08:00:00Z") as! [String: Any]
        #expect(weekly["report_date"] as? String == "2026-03-17")
        #expect(weekly["active_escalations"] as? Int == 1)
        #expect(weekly["new_this_week"] as? Int == 1)
        #expect(weekly["resolved_this_week"] as? Int == 1)
        let items = weekly["escalations"] as! [[String: Any]]
        let open = items.first { $0["id"] as? String == other }!
        #expect(open["account"] as? String == "Globex")
        #expect(open["category"] as? String == "product_defect")
        #expect(open["severity"] as? String == "critical")
        #expect(open["status"] as? String == "routed")
        #expect(open["arr_at_risk"] as? Int == 40000)
        let trends = weekly["trends"] as! [String: Any]
        #expect(trends["most_common_category"] as? String == "product_defect")
        #expect(trends["avg_time_to_acknowledge"] is NSNull, "nothing was acknowledged in the week ending 03-17")
        #expect((trends["stall_rate"] as? String)?.hasSuffix("%") == true)
        // Seed 000's key order, exactly.
        let raw = try cli.run("report", "weekly", "--date", "2026-03-17", at: "2026-03-18T08:00:00Z").out
        let keys = ["report_date", "active_escalations", "new_this_week", "resolved_this_week", "stalled", "average_resolution_time_days", "escalations", "trends"]
        let positions = keys.map { raw.range(of: "\"\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func weeklyTrendsSpellHoursAndPercentAsSeed000Does() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], at: "2026-03-09T08:00:00Z")
        #expect(try cli.run("ack", id, "--owner", "Mike", at: "2026-03-09T09:30:00Z").code == 0)
        let weekly = try cli.json("report", "weekly", "--date", "2026-03-10", at: "2026-03-10T12:00:00Z") as! [String: Any]
        let trends = weekly["trends"] as! [String: Any]
        #expect(trends["avg_time_to_acknowledge"] as? String == "1.5 hours")
        #expect(trends["stall_rate"] as? String == "0%")
        #expect(weekly["average_resolution_time_days"] is NSNull)
    }

    @Test func forecastListsWhatBreachesSoonestFirst() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let critical = try cli.new(["--severity", "critical"], account: "Acme Corp", title: "Outage", at: "2026-03-10T07:00:00Z")
        let medium = try cli.new(["--severity", "medium"], account: "Globex", title: "Export slow", category: "feature_gap", at: "2026-03-10T07:00:00Z")
        let report = try cli.json("forecast", "--within", "4h", "--json", at: "2026-03-10T07:30:00Z") as! [String: Any]
        let items = report["items"] as! [[String: Any]]
        #expect(items.first?["id"] as? String == critical, "the critical acknowledgement (1 h) comes first")
        #expect(items.first?["clock"] as? String == "acknowledge")
        let deadlines = items.compactMap { $0["deadline"] as? String }
        #expect(deadlines == deadlines.sorted())
        #expect(!items.contains { $0["id"] as? String == medium && $0["clock"] as? String == "resolve" })
        #expect(try cli.run("forecast", "--within", "soon").code == 65, "a duration that does not parse is bad input")
    }
}
