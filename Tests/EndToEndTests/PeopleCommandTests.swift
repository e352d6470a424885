import Foundation
import Testing

/// Owners as roster people from the command line: the demo store's roster, `list --owner` by any
/// part of the name, `ack`/`assign --owner` storing the login, refusing an ambiguous name and
/// keeping an unknown one with a warning.
@Suite struct PeopleCommandTests {
    func ids(_ cli: CLI, _ arguments: String...) throws -> [String] {
        let rows = try #require(try json(cli, ["list", "--json"] + arguments) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }
    }

    func json(_ cli: CLI, _ arguments: [String]) throws -> Any {
        let result = try cli.run(arguments)
        guard result.code == 0 else { throw CLI.Failed(message: "exit \(result.code): \(result.err)") }
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }

    @Test func theDemoStoreHasARosterAndOwnersAreItsLogins() throws {
        let cli = CLI()
        defer { cli.remove() }
        let made = try cli.run("demo", "--count", "120", "--seed", "9")
        #expect(made.code == 0)
        #expect(made.out.contains("roster"), "\(made.out)")
        let config = try String(contentsOf: cli.store.appendingPathComponent("escalator.toml"), encoding: .utf8)
        #expect(config.contains("[people.lena]") && config.contains("name = \"Lena Vogel\""))
        let check = try cli.run("config", "--check", "--store", cli.store.path)
        #expect(check.code == 0, "\(check.out)\(check.err)")

        let rows = try #require(try json(cli, ["list", "--all", "--json"]) as? [[String: Any]])
        let owners = Set(rows.compactMap { $0["owner"] as? String })
        #expect(owners.isSubset(of: ["mike", "priya", "tom", "ana", "jun", "rita", "omar", "lena"]), "\(owners)")

        let byLogin = try ids(cli, "--owner", "lena")
        #expect(!byLogin.isEmpty)
        for typed in ["LENA", "Vogel", "Lena Vogel", "léna", "vog"] {
            #expect(try ids(cli, "--owner", typed) == byLogin, "\(typed)")
        }
        #expect(try ids(cli, "--owner", "nobody").isEmpty)
        // The table shows the name.
        let table = try cli.run("list", "--owner", "lena")
        #expect(table.out.contains("Lena Vog"), "\(table.out)")
    }

    @Test func settingAnOwnerFindsThePersonRefusesAnAmbiguousNameAndWarnsOnAnUnknownOne() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--count", "120", "--seed", "9").code == 0)
        let routed = try ids(cli, "--status", "routed")
        try #require(routed.count >= 2)

        let before = cli.storeFiles()
        let ambiguous = try cli.run("ack", routed[0], "--owner", "ha")
        #expect(ambiguous.code == 65)
        #expect(ambiguous.err.contains("\"ha\" could be 2 people: Hana Sato (hana), Omar Haddad (omar)"), "\(ambiguous.err)")
        #expect(cli.storeFiles() == before, "a refused owner changes nothing")

        let acked = try cli.run("ack", routed[0], "--owner", "Vogel")
        #expect(acked.code == 0, "\(acked.err)")
        #expect(acked.out.contains("owner Lena Vogel"), "\(acked.out)")
        #expect(acked.err.isEmpty, "\(acked.err)")
        let shown = try #require(try json(cli, ["show", routed[0], "--json"]) as? [String: Any])
        #expect(shown["owner"] as? String == "lena", "stored as the login")

        let kept = try cli.run("assign", routed[0], "--owner", "Dana Other")
        #expect(kept.code == 0, "\(kept.err)")
        #expect(kept.err.contains("warning: \"Dana Other\" is not in the roster; kept as typed"), "\(kept.err)")
        let after = try #require(try json(cli, ["show", routed[0], "--json"]) as? [String: Any])
        #expect(after["owner"] as? String == "Dana Other")
    }

    @Test func withoutARosterOwnersStayFreeTextAndStillMatchByName() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"])
        let acked = try cli.run("ack", id, "--owner", "Lena Vogel (VP CS)")
        #expect(acked.code == 0 && acked.err.isEmpty, "\(acked.err)")
        for typed in ["lena", "Vogel", "lena vogel"] {
            #expect(try ids(cli, "--owner", typed) == [id], "\(typed)")
        }
    }
}
