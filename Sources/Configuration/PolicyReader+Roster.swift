import EscalationKit
import TOMLKit

/// `[teams.*]`, `[scoring]`, `[warnings]`, `[retention]` and `[hooks]`.
extension PolicyReader {
    mutating func readTeams(_ value: TOMLValueConvertible) {
        guard let section = table(value, "teams") else { return }
        for (key, value) in entries(section) {
            let path = "teams." + key
            guard let fields = table(value, path) else { continue }
            var team = policy.teams[key] ?? Team(name: key)
            for (field, value) in entries(fields) {
                let keyPath = path + "." + field
                switch field {
                case "name": if let name = string(value, keyPath, example: "\"Engineering\"") { team.name = name }
                case "lead": if let lead = string(value, keyPath, example: "\"alice\"") { team.lead = lead }
                case "members": if let members = strings(value, keyPath, example: "[\"alice\", \"bob\"]") { team.members = members }
                case "channel": if let channel = string(value, keyPath, example: "\"#eng-escalations\"") { team.channel = channel }
                default: unknownKey(field, in: path, allowed: ConfigurationSchema.team)
                }
            }
            policy.teams[key] = team
        }
    }

    mutating func readScoring(_ value: TOMLValueConvertible) {
        guard let section = table(value, "scoring") else { return }
        for (key, value) in entries(section) {
            let path = "scoring." + key
            switch key {
            case "handle_up_to": if let n = int(value, path, atLeast: 4) { policy.scoring.handleUpTo = n }
            case "support_up_to": if let n = int(value, path, atLeast: 4) { policy.scoring.supportUpTo = n }
            case "urgency_up_to": if let n = int(value, path, atLeast: 4) { policy.scoring.urgencyUpTo = n }
            case "low_value_arr": if let n = int(value, path, atLeast: 0) { policy.scoring.lowValueARR = n }
            case "high_value_arr": if let n = int(value, path, atLeast: 0) { policy.scoring.highValueARR = n }
            default: unknownKey(key, in: "scoring", allowed: ConfigurationSchema.scoring)
            }
        }
    }

    mutating func readWarnings(_ value: TOMLValueConvertible) {
        guard let section = table(value, "warnings") else { return }
        for (key, value) in entries(section) {
            let path = "warnings." + key
            guard key == "thresholds" else {
                unknownKey(key, in: "warnings", allowed: ConfigurationSchema.warnings)
                continue
            }
            guard let array = value.array else {
                report(path, "expected a list of fractions, e.g. [0.5, 0.75, 1.0], found \(describe(value))")
                continue
            }
            var fractions: [Double] = []
            var valid = true
            for element in array {
                guard let fraction = element.double ?? element.int.map(Double.init) else {
                    report(path, "\(describe(element)) is not a number; write fractions of the target, e.g. [0.5, 0.75, 1.0]")
                    valid = false
                    continue
                }
                guard fraction > 0, fraction <= 1 else {
                    report(path, "\(fraction) is outside (0, 1]; write a fraction of the target above 0 and at most 1, e.g. 0.75 for 75 %")
                    valid = false
                    continue
                }
                fractions.append(fraction)
            }
            // Order does not matter to the reader of the file; the clocks want them ascending.
            if valid { policy.warningThresholds = Array(Set(fractions)).sorted() }
        }
    }

    mutating func readRetention(_ value: TOMLValueConvertible) {
        guard let section = table(value, "retention") else { return }
        for (key, value) in entries(section) {
            let path = "retention." + key
            switch key {
            case "archive_after_days": if let n = int(value, path, atLeast: 0) { policy.archiveAfterDays = n }
            case "recently_closed_days": if let n = int(value, path, atLeast: 0) { policy.recentlyClosedDays = n }
            default: unknownKey(key, in: "retention", allowed: ConfigurationSchema.retention)
            }
        }
    }

    mutating func readHooks(_ value: TOMLValueConvertible) {
        guard let section = table(value, "hooks") else { return }
        for (key, value) in entries(section) {
            let path = "hooks." + key
            switch key {
            case "timeout_seconds": if let n = int(value, path, atLeast: 1) { policy.hookTimeoutSeconds = n }
            case "log_limit_kb": if let n = int(value, path, atLeast: 1) { policy.hookLogLimitKilobytes = n }
            case "retry_hours": if let n = int(value, path, atLeast: 1) { policy.hookRetryHours = n }
            case "commands": readHookCommands(value, path)
            default: unknownKey(key, in: "hooks", allowed: ConfigurationSchema.hooks)
            }
        }
    }

    /// Event kinds are not checked against a list (the notifications decide which exist), only their spelling.
    private mutating func readHookCommands(_ value: TOMLValueConvertible, _ path: String) {
        guard let section = table(value, path) else { return }
        for (kind, value) in entries(section) {
            let keyPath = path + "." + kind
            guard !kind.isEmpty, kind.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                report(keyPath, "\"\(kind)\" is not an event kind; write it in lower case with underscores, e.g. breach_warning")
                continue
            }
            let commands: [String]?
            if let single = value.string { commands = [single] }
            else { commands = strings(value, keyPath, example: "[\"/usr/local/bin/notify-slack\"]") }
            guard let commands else { continue }
            if commands.contains(where: { $0.trimmedSpaces.isEmpty }) {
                report(keyPath, "a hook command is empty; write the program's path, e.g. \"/usr/local/bin/notify-slack\"")
                continue
            }
            policy.hooks[kind] = commands
        }
    }
}
