import Foundation
import Testing

/// export, import and the account book.
@Suite struct InterchangeTests {
    @Test func jsonExportImportsIntoAnotherStoreExactly() throws {
        let a = CLI()
        defer { a.remove() }
        #expect(try a.run("demo", "--count", "60", "--seed", "3").code == 0)
        let exported = try a.run("export")
        #expect(exported.code == 0)
        let file = try a.write("export.json", exported.out)
        let b = CLI()
        defer { b.remove() }
        #expect(try b.run("init").code == 0)
        let imported = try b.run("import", file)
        #expect(imported.code == 0, "\(imported.err)")
        #expect(imported.out.contains("Imported 60 escalations"))
        let again = try b.run("import", file)
        #expect(again.out.contains("skipped 60"))
        #expect(try b.run("export").out.replacingOccurrences(of: "\"exported_at\"", with: "") != "")
        let left = try a.json("list", "--all", "--json") as! [[String: Any]]
        let right = try b.json("list", "--all", "--json") as! [[String: Any]]
        #expect(left.map { $0["id"] as! String }.sorted() == right.map { $0["id"] as! String }.sorted())
        #expect(left.map { $0["status"] as! String }.sorted() == right.map { $0["status"] as! String }.sorted())
    }

    @Test func csvImportIsAllOrNothingWithLineNumbers() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let bad = try cli.write("bad.csv", """
        title,account,category,severity,arr,owner
        Export drops rows,Acme Corp,product_defect,high,85000,Mike
        "Billing, again",Globex,commercial_dispute,medium,"12,000",
        Nope,Initech,not_a_category,high,1000,
        Bad ARR,Initech,security,high,-3,
        """)
        let before = cli.storeFiles()
        let r = try cli.run("import", bad)
        #expect(r.code == 65)
        #expect(r.err.contains("line 4"))
        #expect(r.err.contains("line 5"))
        #expect(!r.err.contains("line 2"))
        #expect(cli.storeFiles() == before)

        let good = try cli.write("good.csv", """
        title,account,category,severity,arr,owner
        Export drops rows,Acme Corp,product_defect,high,85000,Mike
        "Billing, again",Globex,commercial_dispute,medium,"12,000",
        """)
        let ok = try cli.run("import", good)
        #expect(ok.code == 0, "\(ok.err)")
        #expect(ok.out.contains("Imported 2"))
        let list = try cli.json("list", "--json") as! [[String: Any]]
        #expect(list.count == 2)
        #expect(list.contains { $0["status"] as? String == "acknowledged" && $0["owner"] as? String == "Mike" })
        #expect(list.contains { $0["arr"] as? Int == 12000 })
        let dup = try cli.run("import", good)
        #expect(dup.out.contains("skipped 2"))
    }

    @Test func accountsFeedNewEscalations() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let csv = try cli.write("accounts.csv", "name,arr,currency,segment,renewal,health,strategic\nAcme Corp,85000,EUR,enterprise,2026-05-16,62,yes\nGlobex,9000,USD,smb,,80,no\n")
        let r = try cli.run("accounts", "import", csv)
        #expect(r.code == 0, "\(r.err)")
        let accounts = try cli.json("accounts", "list", "--json") as! [[String: Any]]
        #expect(accounts.count == 2)
        let id = try cli.new(["--severity", "high"])
        let show = try cli.json("show", id, "--json") as! [String: Any]
        let account = show["account"] as! [String: Any]
        #expect((account["arr"] as? [String: Any])?["amount"] as? Int == 85000)
        #expect(account["renewal"] as? String == "2026-05-16")
        #expect(account["strategic"] as? Bool == true)
        let brief = try cli.run("brief", id)
        #expect(brief.out.contains("EUR 85k ARR"))
        let badCSV = try cli.write("bad-accounts.csv", "name,arr,colour\nX,1,red\n")
        #expect(try cli.run("accounts", "import", badCSV).code == 65)
    }

    @Test func demoDataFillsTheAccountBookWithItsAccounts() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--count", "40", "--seed", "5").code == 0)
        let accounts = try cli.json("accounts", "list", "--json") as! [[String: Any]]
        let listed = Set((try cli.json("list", "--all", "--json") as! [[String: Any]]).map { $0["account"] as! String })
        #expect(!accounts.isEmpty)
        #expect(Set(accounts.map { $0["name"] as! String }) == listed, "every account the sample escalations name, once")
    }
}
