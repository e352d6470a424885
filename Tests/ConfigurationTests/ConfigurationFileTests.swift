import EscalationKit
import Foundation
import Testing
@testable import Configuration

@Suite struct ConfigurationFileTests {
    @Test func shippedFileStatesExactlyTheDefaults() throws {
        let policy = try PolicyFile.parse(text: DefaultConfiguration.text, path: "escalator.toml")
        #expect(policy == Policy.standard)
        // Field by field too, so a failure says which part drifted.
        #expect(policy.calendar == Policy.standard.calendar)
        #expect(policy.categories == Policy.standard.categories)
        #expect(policy.tiers == Policy.standard.tiers)
        #expect(policy.teams == Policy.standard.teams)
    }

    @Test func shippedFileMentionsEveryCategoryAndTeam() throws {
        let text = DefaultConfiguration.text
        for category in Category.allCases { #expect(text.contains("[categories.\(category.key)]")) }
        for team in Policy.standard.teams.keys { #expect(text.contains("[teams.\(team)]")) }
    }

    @Test func emptyFileIsTheDefaults() throws {
        #expect(try PolicyFile.parse(text: "# nothing changed\n", path: "escalator.toml") == .standard)
    }

    @Test func aSmallFileOverridesOnlyWhatItSays() throws {
        let text = """
        [categories.security]
        acknowledge = "30m"

        [categories.product_defect]
        resolve = { critical = "12h" }

        [calendar.hours]
        friday = ["09:00-12:00", "13:00-15:00"]

        [teams.engineering]
        lead = "dana"
        members = ["dana", "eli"]

        [teams.data]
        name = "Data platform"

        [hooks.commands]
        routed = ["/usr/local/bin/notify-slack"]
        breach_warning = "/usr/local/bin/page"
        """
        let policy = try PolicyFile.parse(text: text, path: "team.toml")
        var expected = Policy.standard
        expected.categories[.security]?.acknowledge = .minutes(30)
        expected.categories[.productDefect]?.resolve[.critical] = .hours(12)
        expected.calendar.hours[5] = [WorkingRange("09:00-12:00")!, WorkingRange("13:00-15:00")!]
        expected.teams["engineering"]?.lead = "dana"
        expected.teams["engineering"]?.members = ["dana", "eli"]
        expected.teams["data"] = Team(name: "Data platform")
        expected.hooks = ["routed": ["/usr/local/bin/notify-slack"], "breach_warning": ["/usr/local/bin/page"]]
        #expect(policy == expected)
    }

    @Test func everySectionCanBeChanged() throws {
        let text = """
        [calendar]
        time_zone = "America/New_York"
        holidays = ["2026-12-25", 2026-12-26]
        [calendar.hours]
        saturday = ["10:00-14:00"]
        monday = []
        [time_basis]
        high = "calendar"
        [tiers.2]
        response = "90m"
        [stall]
        other = "3d"
        other_basis = "calendar"
        [cadence.medium]
        customer_at_most = "3d"
        [warnings]
        thresholds = [1, 0.8]
        [retention]
        archive_after_days = 30
        recently_closed_days = 7
        [scoring]
        handle_up_to = 7
        high_value_arr = 100000
        [hooks]
        timeout_seconds = 5
        [categories.feature_gap]
        basis = "calendar"
        bypass_tiers = true
        informed = ["cs_leadership"]
        resolve_meaning = "roadmap decision"
        [categories.security]
        basis = "by_severity"
        """
        let p = try PolicyFile.parse(text: text, path: "escalator.toml")
        #expect(p.calendar.timeZone.identifier == "America/New_York")
        #expect(p.calendar.holidays == [CalendarDay("2026-12-25")!, CalendarDay("2026-12-26")!])
        #expect(p.calendar.hours[6] == [WorkingRange("10:00-14:00")!])
        #expect(p.calendar.hours[1] == nil)
        #expect(p.calendar.hours[2] == [WorkingRange("09:00-17:00")!])
        #expect(p.timeBasis[.high] == .calendar)
        #expect(p.tiers[.complexTechnical]?.response == .minutes(90))
        #expect(p.tiers[.complexTechnical]?.name == "Complex technical")
        #expect(p.stall.other == .days(3) && p.stall.otherBasis == .calendar && p.stall.critical == .hours(48))
        #expect(p.cadence[.medium]?.customerAtMost == .days(3))
        #expect(p.warningThresholds == [0.8, 1.0])
        #expect(p.archiveAfterDays == 30 && p.recentlyClosedDays == 7)
        #expect(p.scoring == ScoringBands(handleUpTo: 7, highValueARR: 100_000))
        #expect(p.hookTimeoutSeconds == 5)
        let gap = p.rule(for: .featureGap)
        #expect(gap.basis == .calendar && gap.bypassesTiers && gap.informed == ["cs_leadership"])
        #expect(gap.resolveMeaning == "roadmap decision" && gap.team == "product")
        #expect(p.rule(for: .security).basis == nil)
    }

    @Test func locateFollowsEnvironmentThenStoreThenDefaults() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("escalator-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: store) }

        #expect(PolicyFile.locate(storeDirectory: store, environment: [:]) == nil)
        #expect(try PolicyFile.policy(storeDirectory: store, environment: [:]) == .standard)

        let inStore = store.appendingPathComponent("escalator.toml")
        try "[retention]\narchive_after_days = 3\n".write(to: inStore, atomically: true, encoding: .utf8)
        #expect(PolicyFile.locate(storeDirectory: store, environment: [:])?.path == inStore.path)
        #expect(try PolicyFile.policy(storeDirectory: store, environment: [:]).archiveAfterDays == 3)

        let elsewhere = store.appendingPathComponent("team.toml")
        try "[retention]\narchive_after_days = 9\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        let env = ["ESCALATOR_CONFIG": elsewhere.path]
        #expect(PolicyFile.locate(storeDirectory: store, environment: env)?.path == elsewhere.path)
        #expect(try PolicyFile.policy(storeDirectory: store, environment: env).archiveAfterDays == 9)

        // A named file that is missing is an error, not a silent return to the defaults.
        let missing = store.appendingPathComponent("nope.toml").path
        let error = #expect(throws: ConfigurationError.self) {
            try PolicyFile.policy(storeDirectory: store, environment: ["ESCALATOR_CONFIG": missing])
        }
        #expect(error?.description == "\(missing): the configuration file does not exist; create it (`escalator config > FILE` writes the commented defaults) or point ESCALATOR_CONFIG at the right file")
    }

    @Test func keyLinesFindHeadersKeysInlineTablesAndSkipArrays() {
        let lines = KeyLines(text: """
        # comment = not a key
        [categories.product_defect]
        acknowledge = "4h"  # trailing = comment
        resolve = { critical = "24h", high = "48h" }
        informed = [
          "a = b",
          "support",
        ]
        "quoted.key" = 1
        [ teams . "data team" ]
        name = "x"
        """)
        #expect(lines.line(of: "categories.product_defect") == 2)
        #expect(lines.line(of: "categories.product_defect.acknowledge") == 3)
        #expect(lines.line(of: "categories.product_defect.resolve.high") == 4)
        #expect(lines.line(of: "categories.product_defect.informed") == 5)
        #expect(lines.line(of: "categories.product_defect.a") == 2)  // the array's contents are not keys
        #expect(lines.line(of: "categories.product_defect.quoted.key") == 9)
        #expect(lines.line(of: "teams.data team.name") == 11)
        #expect(lines.line(of: "categories.product_defect.team") == 2)  // not written: its table's line
        #expect(lines.line(of: "stall.other") == nil)
    }
}
