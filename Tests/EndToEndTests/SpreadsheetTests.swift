import Foundation
import Testing
@testable import escalator

/// CSV that spreadsheets write and open: export is safe to open and imports back; accounts come
/// in as European Excel saves them.
@Suite struct SpreadsheetTests {
    @Test func exportNeutralisesFormulasAndControlCharacters() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high", "--description", "@SUM(A1:A9)\u{7}bell", "--ask=-2+3", "--impact-note", "+44 20 7946 0000"],
                             account: "=HYPERLINK(\"http://evil.example\",\"click\")", title: "=1+1 looks like a formula")
        #expect(try cli.run("update", id, "--note", "x").code == 0)
        let csv = try cli.run("export", "--format", "csv")
        #expect(csv.code == 0, "\(csv.err)")
        let rows = try CSV.parse(csv.out)
        let header = rows[0].fields
        let row = try #require(rows.dropFirst().first { $0.fields.first == id })
        let cell = { (name: String) in row.fields[header.firstIndex(of: name)!] }
        for name in ["title", "account", "description", "ask", "impact"] {
            #expect(cell(name).hasPrefix("'"), "\(name): \(cell(name))")
        }
        #expect(!csv.out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" } , "no raw control character")
        #expect(cell("description").contains("\u{2407}"), "BEL shown as a symbol")
        // Every cell a spreadsheet would evaluate is marked, whatever column it is in.
        for field in rows.flatMap(\.fields) {
            if let first = field.first { #expect(!CSV.formulaStarts.contains(first), "\(field)") }
        }
    }

    @Test func theMarkRoundTrips() {
        for text in ["=1+1", "+1", "-1", "@x", "\tx", "'=x", "''=x", "'''-x", "'", "'plain", "plain", "", "it's", "''"] {
            #expect(CSV.fromSpreadsheet(CSV.spreadsheetSafe(text)) == text, "\(text.debugDescription)")
        }
    }

    @Test func importTakesWhatExportWrites() throws {
        let a = CLI()
        defer { a.remove() }
        #expect(try a.run("init").code == 0)
        let routed = try a.new(["--severity", "high", "--ask", "=Investigate", "--deadline", "2026-03-13", "--arr", "85k"],
                               account: "Ångström Analytics", title: "Export, \"quoted\" and commas")
        let acknowledged = try a.new(["--severity", "medium", "--description", "Two lines\nof description"], account: "Globex", title: "+Billing")
        #expect(try a.run("ack", acknowledged, "--owner", "Lena Vogel (VP CS)", at: "2026-03-10T09:10:00Z").code == 0)
        let resolved = try a.new(["--severity", "critical", "--tier", "4", "--reason", "x"], account: "Initech", title: "Outage")
        for (step, time) in [(["ack", resolved, "--owner", "mike"], "2026-03-10T09:00:00Z"), (["start", resolved], "2026-03-10T09:05:00Z"),
                             (["resolve", resolved, "--resolution", "@Rolled back"], "2026-03-10T09:30:00Z")] {
            #expect(try a.run(step, at: time).code == 0)
        }
        let closed = try a.new(["--severity", "medium"], account: "Hooli", title: "Closed one")
        for (step, time) in [(["ack", closed, "--owner", "mike"], "2026-03-10T09:00:00Z"), (["start", closed], "2026-03-10T09:01:00Z"),
                             (["resolve", closed, "--resolution", "Done"], "2026-03-10T09:02:00Z"), (["close", closed], "2026-03-10T09:03:00Z")] {
            #expect(try a.run(step, at: time).code == 0)
        }
        _ = routed
        let later = "2026-03-10T10:00:00Z"
        let exported = try a.run(["export", "--format", "csv"], at: later)
        #expect(exported.code == 0)
        let file = try a.write("escalations.csv", exported.out)

        let b = CLI()
        defer { b.remove() }
        #expect(try b.run("init").code == 0)
        let imported = try b.run(["import", file], at: later)
        #expect(imported.code == 0, "\(imported.err)")
        #expect(imported.out.contains("Imported 4"), "\(imported.out)")
        #expect(try b.run(["export", "--format", "csv"], at: later).out == exported.out, "the same CSV back")
        // And again: every id is already there.
        let again = try b.run(["import", file], at: later)
        #expect(again.code == 0 && again.out.contains("skipped 4"), "\(again.out)")
    }

    @Test func accountsFromEuropeanExcel() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        // Semicolons, and Windows-1252: ü is 0xFC, € is 0x80, é is 0xE9.
        var bytes = Array("name;arr;currency;segment\r\n".utf8)
        bytes += [0x5A, 0xFC] + Array("rich Re Digital;120000;EUR;enterprise\r\nCaf".utf8) + [0xE9] + Array(" Lab ".utf8) + [0x80] + Array(";8000;EUR;smb\r\n".utf8)
        let path = cli.root.appendingPathComponent("crm.csv").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let r = try cli.run("accounts", "import", path)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("Windows-1252") && r.out.contains("semicolons"), "\(r.out)")
        let accounts = try cli.json("accounts", "list", "--json") as! [[String: Any]]
        #expect(Set(accounts.map { $0["name"] as! String }) == ["Zürich Re Digital", "Café Lab €"])

        // A byte Windows-1252 does not define: refused with how to save the file as UTF-8, nothing changed.
        let before = cli.storeFiles()
        let odd = cli.root.appendingPathComponent("odd.csv").path
        FileManager.default.createFile(atPath: odd, contents: Data(Array("name,arr\nA".utf8) + [0x81] + Array(",1\n".utf8)))
        let refused = try cli.run("accounts", "import", odd)
        #expect(refused.code == 65)
        #expect(refused.err.contains("UTF-8"), "\(refused.err)")
        #expect(cli.storeFiles() == before)
    }
}
