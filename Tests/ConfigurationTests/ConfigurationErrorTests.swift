import EscalationKit
import Foundation
import Testing
@testable import Configuration

@Suite struct ConfigurationErrorTests {
    /// The problems `text` produces, as printed.
    func problems(_ text: String) -> [String] {
        do {
            _ = try PolicyFile.parse(text: text, path: "escalator.toml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func badDurationNamesFileLineKeyAndTheFix() {
        let text = """
        # line 1
        [categories.product_defect]
        team = "engineering"
        acknowledge = "4 hours"
        """
        #expect(problems(text) == [
            "escalator.toml:4: categories.product_defect.acknowledge: \"4 hours\" is not a duration; write e.g. 4h, 30m, 5d, 2w or eod",
        ])
    }

    @Test func zeroNegativeAndUnquotedDurations() {
        let text = """
        [tiers.1]
        response = "0h"
        [tiers.2]
        response = "-2h"
        [stall]
        critical = 48
        [categories.security.resolve]
        high = "2 days"
        """
        #expect(problems(text) == [
            "escalator.toml:2: tiers.1.response: \"0h\" is zero; a target must be longer than zero, write e.g. 4h, 30m, 5d, 2w or eod",
            "escalator.toml:4: tiers.2.response: \"-2h\" is negative; a target must be longer than zero, write e.g. 4h, 30m, 5d, 2w or eod",
            "escalator.toml:6: stall.critical: expected a duration in quotes, e.g. \"4h\", found integer 48; write e.g. 4h, 30m, 5d, 2w or eod",
            "escalator.toml:8: categories.security.resolve.high: \"2 days\" is not a duration; write e.g. 4h, 30m, 5d, 2w or eod",
        ])
    }

    @Test func syntaxErrorGivesTheParsersLine() {
        let found = problems("[calendar]\ntime_zone = \"Europe/Berlin\"\nholidays = [2026-12-25\n\n[stall]\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("escalator.toml:") == true)
        #expect(found.first?.contains("TOML syntax error at column") == true)

        let bare = problems("[stall]\ncritical = 48h\n")
        #expect(bare.count == 1)
        #expect(bare.first?.hasPrefix("escalator.toml:2: TOML syntax error") == true)
    }

    @Test func unknownKeysAndSectionsNameTheNearestValidOne() {
        let text = """
        [categorys.product_defect]
        team = "engineering"

        [categories.product_defect]
        acknowlege = "4h"

        [calendar]
        timezone = "Europe/Berlin"

        [calendar.hours]
        munday = ["09:00-17:00"]

        [stall]
        frobnicate = 1
        """
        #expect(problems(text) == [
            "escalator.toml:1: categorys: unknown section \"categorys\"; did you mean \"categories\"?",
            "escalator.toml:5: categories.product_defect.acknowlege: unknown key \"acknowlege\"; did you mean \"acknowledge\"?",
            "escalator.toml:8: calendar.timezone: unknown key \"timezone\"; did you mean \"time_zone\"?",
            "escalator.toml:11: calendar.hours.munday: unknown key \"munday\"; did you mean \"monday\"?",
            "escalator.toml:14: stall.frobnicate: unknown key \"frobnicate\"; the keys here are critical, critical_basis, other, other_basis",
        ])
    }

    @Test func keyOutsideItsSectionSaysWhereItBelongs() {
        #expect(problems("archive_after_days = 3\n") == [
            "escalator.toml:1: archive_after_days: unknown section \"archive_after_days\"; archive_after_days belongs under [retention]",
        ])
    }

    @Test func unknownCategoryAndTier() {
        let text = """
        [categories.product_defects]
        acknowledge = "4h"
        [categories.billing]
        acknowledge = "4h"
        [tiers.5]
        response = "10m"
        """
        let found = problems(text)
        #expect(found.count == 3)
        #expect(found[0] == "escalator.toml:1: categories.product_defects: unknown category \"product_defects\"; did you mean \"product_defect\"?")
        #expect(found[1] == "escalator.toml:3: categories.billing: unknown category \"billing\"; the categories are product_defect, feature_gap, service_failure, commercial_dispute, relationship_at_risk, executive_intervention, cross_functional, security")
        #expect(found[2] == "escalator.toml:5: tiers.5: unknown tier \"5\"; the tiers are 1, 2, 3 and 4, e.g. [tiers.2]")
    }

    @Test func calendarWithNoWorkingHours() {
        let text = """
        [calendar.hours]
        monday = []
        tuesday = []
        wednesday = []
        thursday = []
        friday = []
        """
        #expect(problems(text) == [
            "escalator.toml:1: calendar.hours: no day has working hours, so business time never passes; give at least one day a range, e.g. monday = [\"09:00-17:00\"]",
        ])
    }

    @Test func badTimeZone() {
        #expect(problems("[calendar]\ntime_zone = \"Europe/Berln\"\n") == [
            "escalator.toml:2: calendar.time_zone: \"Europe/Berln\" is not a time zone; did you mean \"Europe/Berlin\"?",
        ])
        #expect(problems("[calendar]\ntime_zone = \"CET Summer Thing\"\n") == [
            "escalator.toml:2: calendar.time_zone: \"CET Summer Thing\" is not a time zone; write an IANA name such as \"Europe/Berlin\" or \"America/New_York\"",
        ])
    }

    @Test func reversedOverlappingAndMalformedRanges() {
        let text = """
        [calendar.hours]
        monday = ["17:00-09:00"]
        tuesday = ["09:00-12:30", "12:00-17:00"]
        wednesday = ["9-17"]
        thursday = ["09:00-09:00"]
        friday = ["13:00-17:00", "09:00-13:00"]
        """
        #expect(problems(text) == [
            "escalator.toml:2: calendar.hours.monday: \"17:00-09:00\" ends before it starts; write the earlier time first, e.g. \"09:00-17:00\" (a range cannot cross midnight: split it at 24:00)",
            "escalator.toml:3: calendar.hours.tuesday: \"09:00-12:30\" and \"12:00-17:00\" overlap; make them one range or separate them, e.g. \"09:00-12:00\", \"13:00-17:00\"",
            "escalator.toml:4: calendar.hours.wednesday: \"9-17\" is not a working range; write e.g. \"09:00-17:00\" (HH:MM-HH:MM, 24-hour clock)",
            "escalator.toml:5: calendar.hours.thursday: \"09:00-09:00\" starts and ends at the same time; write the earlier time first, e.g. \"09:00-17:00\" (a range cannot cross midnight: split it at 24:00)",
        ])
    }

    @Test func unknownTeamReferencedByACategory() {
        let text = """
        [categories.product_defect]
        team = "engineerin"
        informed = ["support", "legal"]
        """
        #expect(problems(text) == [
            "escalator.toml:2: categories.product_defect.team: unknown team \"engineerin\"; did you mean \"engineering\"?",
            "escalator.toml:3: categories.product_defect.informed: unknown team \"legal\"; add a [teams.legal] section or use one of: cs_leadership, engineering, executive_office, finance, product, security, support, support_leadership, team_leads",
        ])
        // Adding the team makes it valid.
        #expect(problems(text.replacingOccurrences(of: "engineerin\"", with: "engineering\"") + "\n[teams.legal]\nname = \"Legal\"\n") == [])
    }

    @Test func thresholdsOutsideZeroToOne() {
        let text = """
        [warnings]
        thresholds = [0, 0.5, 1.5]
        """
        #expect(problems(text) == [
            "escalator.toml:2: warnings.thresholds: 0.0 is outside (0, 1]; write a fraction of the target above 0 and at most 1, e.g. 0.75 for 75 %",
            "escalator.toml:2: warnings.thresholds: 1.5 is outside (0, 1]; write a fraction of the target above 0 and at most 1, e.g. 0.75 for 75 %",
        ])
    }

    @Test func wrongTypesAndRangesElsewhere() {
        let text = """
        [retention]
        archive_after_days = -1
        recently_closed_days = "14"
        [categories.security]
        bypass_tiers = "yes"
        basis = "wall clock"
        [time_basis]
        critical = "calender"
        [hooks]
        timeout_seconds = 0
        [hooks.commands]
        Routed = ["/bin/true"]
        resolved = [""]
        [scoring]
        support_up_to = 8
        urgency_up_to = 20
        """
        #expect(problems(text) == [
            "escalator.toml:2: retention.archive_after_days: -1 is too small; write 0 or more",
            "escalator.toml:3: retention.recently_closed_days: expected a whole number, e.g. 14, found text \"14\"",
            "escalator.toml:5: categories.security.bypass_tiers: expected true or false (without quotes), found text \"yes\"",
            "escalator.toml:6: categories.security.basis: \"wall clock\" is not a time basis; write \"by_severity\" (follow [time_basis]), \"business\" or \"calendar\"",
            "escalator.toml:8: time_basis.critical: \"calender\" is not a time basis; write \"business\" (working hours only) or \"calendar\" (every hour)",
            "escalator.toml:10: hooks.timeout_seconds: 0 is too small; write 1 or more",
            "escalator.toml:12: hooks.commands.Routed: \"Routed\" is not an event kind; write it in lower case with underscores, e.g. breach_warning",
            "escalator.toml:13: hooks.commands.resolved: a hook command is empty; write the program's path, e.g. \"/usr/local/bin/notify-slack\"",
            "escalator.toml:15: scoring.support_up_to: support_up_to (8) must be higher than handle_up_to (8); the bands rise, e.g. 8, 13, 17",
            "escalator.toml:16: scoring.urgency_up_to: urgency_up_to (20) must be below 20, the highest total, or nothing would be escalated immediately",
        ])
    }

    @Test func sectionGivenAsAValue() {
        #expect(problems("stall = \"48h\"\n") == [
            "escalator.toml:1: stall: expected a section ([stall]) or an inline table ({ ... }), found text \"48h\"",
        ])
    }

    @Test func problemsFromARealFileNameThatFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("escalator-\(UUID().uuidString).toml")
        try "[stall]\nother = \"5 days\"\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: ConfigurationError.self) { try PolicyFile.load(path: url.path) }
        #expect(error?.problems == [.init(file: url.path, path: "stall.other", line: 2,
                                          message: "\"5 days\" is not a duration; write e.g. 4h, 30m, 5d, 2w or eod")])
    }
}
