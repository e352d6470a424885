import Foundation
import Testing

/// Every time the command line takes is checked the same way: a time that does not exist or lies
/// outside 2000–2999 is one sentence and exit 65, and a change cannot be dated before the last one.
@Suite struct TimeSanityTests {
    private func expectRefused(_ r: CLI.Result, _ phrase: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.code == 65, "\(what): \(r.code) \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(phrase), "\(what): \(r.err)", sourceLocation: sourceLocation)
        #expect(!r.err.contains("DecodingError") && !r.err.contains("Swift."), "\(what): \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.split(separator: "\n").count == 1, "\(what): one sentence, got \(r.err)", sourceLocation: sourceLocation)
    }

    @Test func aChangeDatedBeforeTheLastOneIsRefused() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], at: "2026-03-10T09:00:00Z")
        #expect(try cli.run("update", id, "--note", "looked", at: "2026-03-10T10:00:00Z").code == 0)
        let before = cli.storeFiles()
        let r = try cli.run("ack", id, "--owner", "Mike", at: "2026-03-10T09:30:00Z")
        expectRefused(r, "\(id) was last changed at 2026-03-10T10:00:00.000Z; a change cannot be dated before it", "ack dated before the note")
        #expect(cli.storeFiles() == before)
        #expect(try cli.run("ack", id, "--owner", "Mike", at: "2026-03-10T10:00:00Z").code == 0, "the same instant is not before it")
    }

    @Test func theClockAndEveryDateOptionRefuseImpossibleTimes() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"])
        let before = cli.storeFiles()
        for now in ["9999-01-01T00:00:00Z", "0001-01-01T00:00:00Z"] {
            expectRefused(try cli.run("list", at: now), "is outside the dates Escalator accepts (2000-01-01 to 2999-12-31)", "ESCALATOR_NOW \(now)")
            expectRefused(try cli.run("update", id, "--note", "x", at: now), "ESCALATOR_NOW", "update at \(now)")
        }
        expectRefused(try cli.run("list", at: "2026-02-30T09:00:00Z"), "names a day that does not exist", "ESCALATOR_NOW on 30 February")
        let new = ["new", "--account", "A", "--title", "T", "--category", "security", "--severity", "high"]
        expectRefused(try cli.run(new + ["--deadline", "2026-02-30"]), "--deadline \"2026-02-30\" names a day that does not exist", "--deadline")
        expectRefused(try cli.run(new + ["--deadline", "2026-02-30T12:00:00Z"]), "--deadline", "--deadline time")
        expectRefused(try cli.run(new + ["--deadline", "9999-12-31"]), "--deadline \"9999-12-31\" is outside", "--deadline 9999")
        expectRefused(try cli.run(new + ["--renewal", "2026-02-30"]), "--renewal", "--renewal")
        expectRefused(try cli.run("report", "weekly", "--date", "2026-02-30"), "--date \"2026-02-30\" names a day", "report --date")
        expectRefused(try cli.run("metrics", "--from", "1999-12-31"), "--from \"1999-12-31\" is outside", "metrics --from")
        expectRefused(try cli.run("metrics", "--to", "2026-04-31"), "--to", "metrics --to")
        let csv = try cli.write("dates.csv", """
        title,account,category,severity,created_at
        Old one,Acme Corp,product_defect,high,2026-02-30T09:00:00Z
        """)
        let imported = try cli.run("import", csv)
        #expect(imported.code == 65)
        #expect(imported.err.contains("created_at \"2026-02-30T09:00:00Z\" names a day that does not exist"), "\(imported.err)")
        let export = try cli.write("export.json", #"{"format": "escalator-export", "version": 1, "exported_at": "2026-02-30T17:00:00Z", "escalations": []}"#)
        let fromFile = try cli.run("import", export)
        #expect(fromFile.code == 65, "\(fromFile.err)")
        #expect(fromFile.err.contains("names a day that does not exist") && !fromFile.err.contains("DecodingError"), "\(fromFile.err)")
        #expect(cli.storeFiles() == before, "nothing refused changed the store")
    }
}
