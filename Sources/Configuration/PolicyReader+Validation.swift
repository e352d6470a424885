import EscalationKit

/// Checks that need the whole policy: a calendar with working time, teams that exist, rising bands.
extension PolicyReader {
    mutating func validateWholePolicy() {
        if !policy.calendar.hasWorkingTime {
            report("calendar.hours", "no day has working hours, so business time never passes; give at least one day a range, e.g. monday = [\"09:00-17:00\"]")
        }
        let teams = policy.teams.keys.sorted()
        for category in Category.allCases {
            let rule = policy.rule(for: category)
            let path = "categories." + category.key
            for (key, team) in [("team", rule.team)] + rule.informed.map({ ("informed", $0) }) where policy.teams[team] == nil {
                let advice = "add a [teams.\(team)] section or use one of: " + teams.joined(separator: ", ")
                report(path + "." + key, "unknown team \"\(team)\"" + NearestName.hint(team, among: teams, otherwise: advice))
            }
        }
        let s = policy.scoring
        if !(s.handleUpTo < s.supportUpTo) {
            report("scoring.support_up_to", "support_up_to (\(s.supportUpTo)) must be higher than handle_up_to (\(s.handleUpTo)); the bands rise, e.g. 8, 13, 17")
        }
        if !(s.supportUpTo < s.urgencyUpTo) {
            report("scoring.urgency_up_to", "urgency_up_to (\(s.urgencyUpTo)) must be higher than support_up_to (\(s.supportUpTo)); the bands rise, e.g. 8, 13, 17")
        }
        if s.urgencyUpTo >= 20 {
            report("scoring.urgency_up_to", "urgency_up_to (\(s.urgencyUpTo)) must be below 20, the highest total, or nothing would be escalated immediately")
        }
        if !(s.lowValueARR < s.highValueARR) {
            report("scoring.high_value_arr", "high_value_arr (\(s.highValueARR)) must be higher than low_value_arr (\(s.lowValueARR)), e.g. 10000 and 50000")
        }
    }
}
