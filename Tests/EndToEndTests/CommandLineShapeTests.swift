import Foundation
import Testing
@testable import escalator

/// What the command line prints has one shape: tables that fit (and never run together), JSON whose
/// keys are all there, and one rule for mistakes.
@Suite struct CommandLineShapeTests {
    /// A store with an acknowledged escalation whose owner, account and title are long.
    func store() throws -> (CLI, String) {
        let cli = CLI()
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], account: "Blue Sun Media",
                             title: "Nightly export to the data warehouse silently drops every row with a non-ASCII customer name")
        #expect(try cli.run("ack", id, "--owner", "Lena Vogel (VP CS)").code == 0)
        _ = try cli.new(["--severity", "medium"], account: "Ångström Analytics", title: "SSO login loop", category: "security")
        let accounts = try cli.write("accounts.csv", "name,arr,segment,renewal,health\nBlue Sun Media Holdings International Group,165000,enterprise,2026-09-30,64\n")
        #expect(try cli.run("accounts", "import", accounts).code == 0)
        return (cli, id)
    }

    func visibleWidth(_ line: Substring) -> Int { Console.visibleWidth(String(line)) }

    @Test func columnsNeverRunTogether() throws {
        let (cli, _) = try store()
        defer { cli.remove() }
        for columns in ["60", "80", "160"] {
            var wide = cli
            wide.extraEnvironment["COLUMNS"] = columns
            let list = try wide.run("list").out
            #expect(!list.contains("AcknowledgedBlue") && !list.contains("RoutedÅngström"), "\(columns): \(list)")
            #expect(list.contains("Acknowledged "), "\(columns)")
            let forecast = try wide.run("forecast", "--within", "2w").out
            #expect(!forecast.contains("Analyticsacknowledgement") && !forecast.contains("Mediaacknowledgement"), "\(columns): \(forecast)")
        }
    }

    @Test func listHasATitleColumnAndUsesTheWidth() throws {
        let (cli, _) = try store()
        defer { cli.remove() }
        var wide = cli
        wide.extraEnvironment["COLUMNS"] = "160"
        let out = try wide.run("list").out
        let lines = out.split(separator: "\n")
        #expect(lines[0].contains("TITLE"))
        #expect(out.contains("Lena Vogel (VP CS)"), "the whole owner at 160 columns: \(out)")
        #expect(lines.allSatisfy { visibleWidth($0) <= 160 })
    }

    @Test func tablesFitColumnsAndNothingIsCutWhenPiped() throws {
        let (cli, id) = try store()
        defer { cli.remove() }
        let title = "Nightly export to the data warehouse silently drops every row with a non-ASCII customer name"
        // Standard output is a pipe and COLUMNS is unset: nothing is cut.
        for arguments in [["list"], ["show", id], ["explain", id]] {
            let out = try cli.run(arguments).out
            #expect(out.contains(title), "\(arguments) cut a line although its output is not a terminal")
            #expect(!out.contains("…"), "\(arguments)")
        }
        // COLUMNS is the width.
        var narrow = cli
        narrow.extraEnvironment["COLUMNS"] = "60"
        for arguments in [["list"], ["show", id], ["explain", id], ["forecast", "--within", "2w"], ["metrics"], ["accounts", "list"]] {
            let r = try narrow.run(arguments)
            #expect(r.code == 0, "\(arguments): \(r.err)")
            for line in r.out.split(separator: "\n") {
                #expect(visibleWidth(line) <= 60, "\(arguments): \(line)")
            }
        }
    }

    @Test func theWidthRule() {
        #expect(Console.width(columns: "132", terminal: 80, isTerminal: true) == 132)
        #expect(Console.width(columns: "132", terminal: nil, isTerminal: false) == 132)
        #expect(Console.width(columns: nil, terminal: 200, isTerminal: true) == 200)
        #expect(Console.width(columns: "abc", terminal: nil, isTerminal: true) == 80)
        #expect(Console.width(columns: nil, terminal: nil, isTerminal: false) == nil)
    }

    @Test func everyDataCommandTakesJSON() throws {
        let (cli, id) = try store()
        defer { cli.remove() }
        for arguments in [["brief", id, "--json"], ["report", "weekly", "--json"], ["export", "--json"], ["notify", "--dry-run", "--json"],
                          ["doctor", "--json"], ["list", "--json"], ["show", id, "--json"], ["metrics", "--json"], ["forecast", "--json"]] {
            let r = try cli.run(arguments)
            #expect(r.code == 0, "\(arguments): \(r.err)")
            #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil, "\(arguments) printed no JSON: \(r.out.prefix(200))")
        }
        let doctor = try cli.json("doctor", "--json") as! [String: Any]
        #expect(doctor["healthy"] as? Bool == true)
        let notify = try cli.json("notify", "--dry-run", "--json") as! [[String: Any]]
        #expect(notify.allSatisfy { $0["sent"] as? Bool == false && $0["id"] is String })
        #expect(try cli.run("export", "--json", "--format", "csv").code == 64)
    }

    @Test func jsonShapesAreStable() throws {
        let (cli, _) = try store()
        defer { cli.remove() }
        let keys: Set<String> = ["id", "title", "account", "arr", "currency", "segment", "category", "severity", "tier", "status", "owner", "team",
                                 "created_at", "age_days", "flags", "next_deadline", "next_update_due"]
        let rows = try cli.json("list", "--json") as! [[String: Any]]
        #expect(rows.count == 2)
        for row in rows { #expect(Set(row.keys) == keys, "\(row["id"]!)") }
        #expect(rows.contains { $0["owner"] is NSNull }, "an unacknowledged escalation's owner is null")
        let closed = try cli.new(["--severity", "medium"], account: "Globex", title: "Closed one")
        for step in [["ack", closed, "--owner", "mike"], ["start", closed], ["resolve", closed, "--resolution", "Fixed"], ["close", closed]] {
            #expect(try cli.run(step).code == 0)
        }
        let all = try cli.json("list", "--json") as! [[String: Any]]
        let row = try #require(all.first { $0["id"] as? String == closed })
        #expect(row["next_deadline"] is NSNull && row["next_update_due"] is NSNull, "\(row)")
        let detail = try cli.json("show", closed, "--json") as! [String: Any]
        for key in ["suggested_severity", "severity_override_reason", "score", "pattern", "reopened_from", "deescalation"] {
            #expect(detail.keys.contains(key), "show --json has \(key)")
        }
        let account = detail["account"] as! [String: Any]
        #expect(account["renewal"] is NSNull && account["health_score"] is NSNull)
        let brief = try cli.json("brief", closed, "--format", "json") as! [String: Any]
        #expect((brief["ask"] as! [String: Any]).keys.contains("deadline"))
        #expect(brief.keys.contains("pattern") && brief.keys.contains("reproduction"))
        let metrics = try cli.json("metrics", "--json") as! [String: Any]
        let total = metrics["total"] as! [String: Any]
        for key in ["mean_time_to_resolution_hours", "mean_time_to_acknowledge_hours", "acknowledge_sla_percent", "resolve_sla_percent"] {
            #expect(total.keys.contains(key), "metrics --json has \(key)")
        }
        let explained = try cli.json("explain", closed, "--json") as! [[String: Any]]
        #expect(explained.allSatisfy { $0.keys.contains("stopped_at") && $0.keys.contains("warning") })
    }

    @Test func everyTimeHasMilliseconds() throws {
        let (cli, id) = try store()
        defer { cli.remove() }
        #expect(try cli.run("update", id, "--customer", "--note", "Told them").code == 0)
        let iso = try NSRegularExpression(pattern: #""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z""#)
        for arguments in [["brief", id, "--format", "json"], ["show", id, "--json"], ["list", "--json"], ["forecast", "--json"], ["export"]] {
            let out = try cli.run(arguments).out
            let times = iso.matches(in: out, range: NSRange(out.startIndex..., in: out)).map { String(out[Range($0.range, in: out)!]) }
            #expect(!times.isEmpty, "\(arguments)")
            for time in times { #expect(time.count == 26, "\(arguments): \(time) has no milliseconds") }
        }
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        let cli = CLI()
        defer { cli.remove() }
        let r = try cli.run("lst")
        #expect(r.code == 64)
        #expect(r.err.contains("'escalator list'"), "\(r.err)")
        let nested = try cli.run("report", "weeky")
        #expect(nested.code == 64)
        #expect(nested.err.contains("'escalator report weekly'"), "\(nested.err)")
    }

    @Test func aValueThatDoesNotParseExits65Everywhere() throws {
        let (cli, _) = try store()
        defer { cli.remove() }
        for arguments in [["forecast", "--within", "8"], ["metrics", "--from", "yesterday"], ["report", "weekly", "--date", "soon"],
                          ["list", "--status", "nope"], ["list", "--severity", "urgent"]] {
            let r = try cli.run(arguments)
            #expect(r.code == 65, "\(arguments): \(r.code) \(r.err)")
        }
        for arguments in [["list", "--stauts", "open"], ["forecast", "--within"], ["lst"]] {
            #expect(try cli.run(arguments).code == 64, "\(arguments)")
        }
    }

    @Test func listStatusOpenIsWhatTheBoardCallsOpen() throws {
        let (cli, _) = try store()
        defer { cli.remove() }
        let closed = try cli.new(["--severity", "medium"], account: "Globex", title: "Resolved one")
        for step in [["ack", closed, "--owner", "mike"], ["start", closed], ["resolve", closed, "--resolution", "Fixed"]] {
            #expect(try cli.run(step).code == 0)
        }
        let open = try cli.json("list", "--status", "open", "--json") as! [[String: Any]]
        let all = try cli.json("list", "--json") as! [[String: Any]]
        let expected = all.filter { !["resolved", "closed"].contains($0["status"] as! String) }.map { $0["id"] as! String }
        #expect(open.map { $0["id"] as! String } == expected)
        #expect(open.count >= 2)
    }

    @Test func titlesAreOneLine() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let before = cli.storeFiles()
        for title in ["Two\nlines", "A\ttab", "CR\rhere"] {
            let r = try cli.run("new", "--account", "Acme", "--title", title, "--category", "security", "--severity", "high")
            #expect(r.code == 65, "\(title.debugDescription)")
            #expect(r.err.contains("one line"), "\(r.err)")
        }
        #expect(cli.storeFiles() == before)
    }
}
