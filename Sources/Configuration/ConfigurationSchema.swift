/// The sections and keys a configuration file may contain, for unknown-key checks and hints.
enum ConfigurationSchema {
    static let sections = ["calendar", "time_basis", "categories", "tiers", "stall", "cadence",
                           "warnings", "retention", "teams", "people", "scoring", "hooks", "chains", "board"]
    static let calendar = ["time_zone", "holidays", "holidays_ics", "hours"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let category = ["team", "informed", "acknowledge", "resolve", "resolve_meaning", "bypass_tiers", "basis", "waiting"]
    static let waiting = ["pauses_internal_update", "customer_update_resumes"]
    static let tier = ["name", "response", "stakeholders"]
    static let stall = ["critical", "critical_basis", "other", "other_basis"]
    static let cadence = ["internal_every", "customer_every", "customer_at_most"]
    static let warnings = ["thresholds"]
    static let retention = ["archive_after_days", "recently_closed_days"]
    static let team = ["name", "lead", "members", "channel"]
    static let person = ["name", "team", "email", "chat"]
    static let scoring = ["handle_up_to", "support_up_to", "urgency_up_to", "low_value_arr", "high_value_arr"]
    static let hooks = ["timeout_seconds", "log_limit_kb", "retry_hours", "commands"]
    static let chain = ["levels", "repeat_every_hours", "repeat_times"]
    static let board = ["theme", "keys"]

    /// For a key written at the wrong level, the section it belongs to (e.g. time_zone → calendar).
    static func section(owning key: String) -> String? {
        let owners: [(String, [String])] = [
            ("calendar", calendar), ("calendar.hours", weekdays), ("stall", stall), ("warnings", warnings),
            ("retention", retention), ("scoring", scoring), ("hooks", hooks),
            ("categories.<category>", category), ("tiers.<1-4>", tier), ("cadence.<severity>", cadence),
            ("teams.<team>", team), ("people.<login>", person),
        ]
        return owners.first { $0.1.contains(key) }?.0
    }
}
