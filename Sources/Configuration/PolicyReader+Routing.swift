import EscalationKit
import TOMLKit

/// `[time_basis]`, `[categories.*]`, `[tiers.*]`, `[stall]` and `[cadence.*]`: where escalations go and how fast.
extension PolicyReader {
    mutating func readTimeBasis(_ value: TOMLValueConvertible) {
        guard let section = table(value, "time_basis") else { return }
        for (key, value) in entries(section) {
            guard let severity = Severity(rawValue: key) else {
                unknownKey(key, in: "time_basis", allowed: Severity.allCases.map(\.rawValue))
                continue
            }
            if let basis = basis(value, "time_basis." + key) { policy.timeBasis[severity] = basis }
        }
    }

    mutating func readCategories(_ value: TOMLValueConvertible) {
        guard let section = table(value, "categories") else { return }
        let names = Category.allCases.map(\.key)
        for (key, value) in entries(section) {
            let path = "categories." + key
            guard let category = Category(rawValue: key) else {
                let advice = "the categories are " + names.joined(separator: ", ")
                report(path, "unknown category \"\(key)\"" + NearestName.hint(key, among: names, otherwise: advice))
                continue
            }
            guard let rule = table(value, path) else { continue }
            policy.categories[category] = readCategory(rule, path, into: policy.rule(for: category))
        }
    }

    private mutating func readCategory(_ section: TOMLTable, _ path: String, into rule: CategoryRule) -> CategoryRule {
        var rule = rule
        for (key, value) in entries(section) {
            let keyPath = path + "." + key
            switch key {
            case "team":
                if let team = string(value, keyPath, example: "\"engineering\"") { rule.team = team }
            case "informed":
                if let teams = strings(value, keyPath, example: "[\"support\"]") { rule.informed = teams }
            case "acknowledge":
                if let target = duration(value, keyPath) { rule.acknowledge = target }
            case "resolve":
                guard let targets = table(value, keyPath) else { continue }
                for (severityKey, value) in entries(targets) {
                    guard let severity = Severity(rawValue: severityKey) else {
                        unknownKey(severityKey, in: keyPath, allowed: Severity.allCases.map(\.rawValue))
                        continue
                    }
                    if let target = duration(value, keyPath + "." + severityKey) { rule.resolve[severity] = target }
                }
            case "resolve_meaning":
                if let meaning = string(value, keyPath, example: "\"resolution\"") { rule.resolveMeaning = meaning }
            case "bypass_tiers":
                if let flag = bool(value, keyPath) { rule.bypassesTiers = flag }
            case "basis":
                if value.string == "by_severity" { rule.basis = nil }
                else if let text = value.string, TimeBasis(rawValue: text) == nil {
                    report(keyPath, "\"\(text)\" is not a time basis; write \"by_severity\" (follow [time_basis]), \"business\" or \"calendar\"")
                } else if let basis = basis(value, keyPath) { rule.basis = basis }
            case "waiting":
                guard let fields = table(value, keyPath) else { continue }
                for (field, value) in entries(fields) {
                    switch field {
                    case "pauses_internal_update":
                        if let flag = bool(value, keyPath + "." + field) { rule.waiting.pausesInternalUpdates = flag }
                    case "customer_update_resumes":
                        if let flag = bool(value, keyPath + "." + field) { rule.waiting.customerUpdateResumes = flag }
                    default: unknownKey(field, in: keyPath, allowed: ConfigurationSchema.waiting)
                    }
                }
            default:
                unknownKey(key, in: path, allowed: ConfigurationSchema.category)
            }
        }
        return rule
    }

    mutating func readTiers(_ value: TOMLValueConvertible) {
        guard let section = table(value, "tiers") else { return }
        for (key, value) in entries(section) {
            let path = "tiers." + key
            guard let number = Int(key), let tier = Tier(rawValue: number) else {
                report(path, "unknown tier \"\(key)\"; the tiers are 1, 2, 3 and 4, e.g. [tiers.2]")
                continue
            }
            guard let fields = table(value, path) else { continue }
            var rule = policy.tiers[tier] ?? Policy.standard.tiers[tier]!
            for (key, value) in entries(fields) {
                let keyPath = path + "." + key
                switch key {
                case "name": if let name = string(value, keyPath, example: "\"Standard\"") { rule.name = name }
                case "response": if let target = duration(value, keyPath) { rule.response = target }
                case "stakeholders":
                    if let who = string(value, keyPath, example: "\"Support agent\"") { rule.stakeholders = who }
                default: unknownKey(key, in: path, allowed: ConfigurationSchema.tier)
                }
            }
            policy.tiers[tier] = rule
        }
    }

    mutating func readStall(_ value: TOMLValueConvertible) {
        guard let section = table(value, "stall") else { return }
        for (key, value) in entries(section) {
            let path = "stall." + key
            switch key {
            case "critical": if let target = duration(value, path) { policy.stall.critical = target }
            case "critical_basis": if let basis = basis(value, path) { policy.stall.criticalBasis = basis }
            case "other": if let target = duration(value, path) { policy.stall.other = target }
            case "other_basis": if let basis = basis(value, path) { policy.stall.otherBasis = basis }
            default: unknownKey(key, in: "stall", allowed: ConfigurationSchema.stall)
            }
        }
    }

    mutating func readCadence(_ value: TOMLValueConvertible) {
        guard let section = table(value, "cadence") else { return }
        for (key, value) in entries(section) {
            let path = "cadence." + key
            guard let severity = Severity(rawValue: key) else {
                unknownKey(key, in: "cadence", allowed: Severity.allCases.map(\.rawValue))
                continue
            }
            guard let fields = table(value, path) else { continue }
            var cadence = policy.cadence[severity] ?? Policy.standard.cadence[severity]!
            for (key, value) in entries(fields) {
                let keyPath = path + "." + key
                switch key {
                case "internal_every": if let target = duration(value, keyPath) { cadence.internalEvery = target }
                case "customer_every": if let target = duration(value, keyPath) { cadence.customerEvery = target }
                case "customer_at_most": if let target = duration(value, keyPath) { cadence.customerAtMost = target }
                default: unknownKey(key, in: path, allowed: ConfigurationSchema.cadence)
                }
            }
            policy.cadence[severity] = cadence
        }
    }
}
