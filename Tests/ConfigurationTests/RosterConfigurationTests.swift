import EscalationKit
import Foundation
import Testing
@testable import Configuration

/// `[people.<login>]` in the configuration: each person once, with a team that exists.
@Suite struct RosterConfigurationTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try PolicyFile.parse(text: text, path: "escalator.toml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func peopleAreReadWithTheirTeamsAndHandles() throws {
        let policy = try PolicyFile.parse(text: """
            [people.lena]
            name = "Lena Vogel"
            team = "cs_leadership"
            email = "lena@example.com"
            chat = "@lena"

            [people.mike]
            name = "Mike Ross"
            team = "engineering"
            """, path: "escalator.toml")
        #expect(policy.people.people == [
            Person(login: "lena", name: "Lena Vogel", team: "cs_leadership", email: "lena@example.com", chat: "@lena"),
            Person(login: "mike", name: "Mike Ross", team: "engineering"),
        ])
        #expect(Policy.standard.people.isEmpty)
    }

    @Test func mistakesNameTheLineAndTheFix() {
        let found = problems("""
            [people.lena]
            name = "Lena Vogel"
            team = "cs_leadrship"
            email = "lena at example"

            [people.mike]
            team = "engineering"

            [people.lv]
            name = "LENA vogel"
            team = "support"
            nickname = "LV"
            """)
        #expect(found == [
            "escalator.toml:3: people.lena.team: unknown team \"cs_leadrship\"; did you mean \"cs_leadership\"?",
            "escalator.toml:4: people.lena.email: \"lena at example\" is not an e-mail address, e.g. \"lena@example.com\"",
            "escalator.toml:6: people.mike: a person needs a name on one line, e.g. name = \"Lena Vogel\"",
            "escalator.toml:10: people.lv.name: \"LENA vogel\" is also [people.lena]'s name; each person is named once (add a middle initial to tell them apart)",
            "escalator.toml:12: people.lv.nickname: unknown key \"nickname\"; the keys here are name, team, email, chat",
        ], "\(found)")
    }

    @Test func theDemoRosterTextReadsBackAsWritten() throws {
        let text = RosterText.toml(DemoPeople.roster, teams: [DemoPeople.csmTeam], heading: "The demo team.\nSecond line.")
        let policy = try PolicyFile.parse(text: text, path: "escalator.toml")
        #expect(policy.people == DemoPeople.roster)
        #expect(policy.teams[DemoPeople.csmTeam.key]?.name == "Customer success")
        let odd = Roster([Person(login: "j.doe", name: "Jane \"JD\" Doe\\", team: "support")])
        #expect(try PolicyFile.parse(text: RosterText.toml(odd, heading: "x"), path: "f").people == odd)
    }
}
