import Foundation
import Testing

/// `wait` / `resume` and `[calendar] holidays_ics` through the built binary: the clocks stop and move,
/// `show` and `explain` say so, and an edited .ics moves open deadlines at the next command.
@Suite struct WaitingAndHolidayFileTests {
    func deadline(_ show: [String: Any], _ kind: String) -> String? {
        (show["clocks"] as? [[String: Any]])?.first { $0["kind"] as? String == kind }?["deadline"] as? String
    }

    @Test func waitAndResumeMoveTheResolveDeadlineAndSayWhy() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        // Tuesday 2026-03-10 09:00 Berlin: a high defect, 48 business hours to resolve (Tuesday 17 March 17:00).
        let id = try cli.new(["--severity", "high", "--reason", "x", "--impact", "4", "--urgency", "3", "--capability", "3"], at: "2026-03-10T08:00:00Z")
        #expect(try cli.run("ack", id, "--owner", "Mike", at: "2026-03-10T09:00:00Z").code == 0)
        var show = try cli.json("show", id, "--json", at: "2026-03-10T09:00:00Z") as! [String: Any]
        #expect(deadline(show, "resolve") == "2026-03-17T16:00:00.000Z")

        let refused = try cli.run("wait", id, "--on", "customer", "--reason", "logs", "--until", "2026-03-09", at: "2026-03-11T12:00:00Z")
        #expect(refused.code == 65)
        #expect(refused.err.contains("not after now"))
        let before = cli.storeFiles()
        #expect(try cli.run("wait", id, "--on", "nobody", "--reason", "logs", at: "2026-03-11T12:00:00Z").code != 0)
        #expect(cli.storeFiles() == before, "a refused wait changed nothing")

        #expect(try cli.run("wait", id, "--on", "customer", "--reason", "Waiting for the customer's logs", at: "2026-03-11T12:00:00Z").code == 0)
        let waiting = try cli.run("show", id, at: "2026-03-12T11:00:00Z")
        #expect(waiting.out.contains("paused while waiting"))
        #expect(waiting.out.contains("waiting on the customer from 2026-03-11 13:00, still waiting"))
        #expect(try cli.run("wait", id, "--on", "vendor", "--reason", "again", at: "2026-03-12T11:00:00Z").code == 65)
        #expect(try cli.run("resume", id, "--reason", "Logs received", at: "2026-03-13T10:00:00Z").code == 0)
        #expect(try cli.run("resume", id, at: "2026-03-13T10:30:00Z").code == 65)

        show = try cli.json("show", id, "--json", at: "2026-03-13T10:00:00Z") as! [String: Any]
        #expect(deadline(show, "resolve") == "2026-03-19T14:00:00.000Z", "moved by the 14 working hours waited")
        let waits = show["waits"] as? [[String: Any]]
        #expect(waits?.first?["party"] as? String == "customer")
        #expect(waits?.first?["ended_by"] as? String == "resumed")
        let explain = try cli.run("explain", id, at: "2026-03-13T10:00:00Z")
        #expect(explain.out.contains("waits (the clock stops while waiting):"))
        #expect(explain.out.contains("deadline Tue 2026-03-17 17:00 +01:00 → Thu 2026-03-19 15:00 +01:00"))
        let history = try cli.run("show", id, at: "2026-03-13T10:00:00Z").out
        #expect(history.contains("put it on hold, waiting on the customer — "))
        #expect(history.contains("resumed it — Logs received"))
    }

    @Test func anEditedHolidayFileMovesOpenDeadlinesAndABadOneIsRefusedWithItsLine() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let ics = cli.store.appendingPathComponent("holidays.ics")
        func holidays(_ events: String...) throws {
            let text = (["BEGIN:VCALENDAR", "VERSION:2.0"] + events + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
            try text.write(to: ics, atomically: true, encoding: .utf8)
        }
        try holidays()
        try "[calendar]\nholidays_ics = \"holidays.ics\"\n".write(to: cli.store.appendingPathComponent("escalator.toml"), atomically: true, encoding: .utf8)
        // Friday 13 March 15:00 Berlin: 48 business hours end Monday 23 March 15:00… after six working days.
        let id = try cli.new(["--severity", "high", "--reason", "x", "--impact", "4", "--urgency", "3", "--capability", "3"], at: "2026-03-13T14:00:00Z")
        var show = try cli.json("show", id, "--json", at: "2026-03-13T14:00:00Z") as! [String: Any]
        let before = deadline(show, "resolve")
        #expect(before == "2026-03-23T14:00:00.000Z")

        try holidays("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260316", "SUMMARY:Founders' Day", "END:VEVENT",
                     "BEGIN:VEVENT", "DTSTART:20260317T100000Z", "SUMMARY:Offsite", "END:VEVENT")
        show = try cli.json("show", id, "--json", at: "2026-03-13T14:00:00Z") as! [String: Any]
        #expect(deadline(show, "resolve") == "2026-03-25T14:00:00.000Z", "two more days off")
        let explain = try cli.run("explain", id, at: "2026-03-13T14:00:00Z")
        #expect(explain.out.contains("holidays skipped: 2026-03-16 (Founders' Day), 2026-03-17 (Offsite)"))

        try holidays("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260316", "RRULE:FREQ=WEEKLY", "END:VEVENT")
        let files = cli.storeFiles()
        let refused = try cli.run("update", id, "--note", "x", at: "2026-03-13T14:00:00Z")
        #expect(refused.code != 0)
        #expect(refused.err.contains("holidays.ics:5:"))
        #expect(refused.err.contains("FREQ=WEEKLY"))
        #expect(cli.storeFiles() == files)
    }
}
