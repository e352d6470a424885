import EscalationKit
import Foundation
import TOMLKit

/// `[chains.default]` and `[chains.<category>]`: who is told, in turn, when nobody acknowledges.
extension PolicyReader {
    mutating func readChains(_ value: TOMLValueConvertible) {
        guard let section = table(value, "chains") else { return }
        let names = ["default"] + Category.allCases.map(\.key)
        for (key, value) in entries(section) {
            let path = "chains." + key
            let category = Category(rawValue: key)
            guard key == "default" || category != nil else {
                report(path, "unknown chain \"\(key)\"" + NearestName.hint(key, among: names, otherwise: "write default or a category: " + names.joined(separator: ", ")))
                continue
            }
            guard let rule = table(value, path) else { continue }
            let base = category.map { policy.chain(for: $0) } ?? policy.defaultChain
            guard let chain = readChain(rule, path, into: base) else { continue }
            if let category { policy.chains[category] = chain } else { policy.defaultChain = chain }
        }
    }

    private mutating func readChain(_ table: TOMLTable, _ path: String, into base: EscalationChain) -> EscalationChain? {
        var chain = base
        for (key, value) in entries(table) {
            let keyPath = path + "." + key
            switch key {
            case "levels":
                guard let texts = strings(value, keyPath, example: "[\"contact@0\", \"lead@50\", \"team:cs_leadership@100\"]") else { return nil }
                var levels: [EscalationChain.Level] = []
                for text in texts {
                    let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let recipient = EscalationChain.Recipient(parts[0]), let percent = Int(parts[1]), (0...100).contains(percent) else {
                        report(keyPath, "\"\(SafeText.neutralized(text))\" is not a level; write WHO@PERCENT, WHO being contact, lead, team:ID or person:NAME, e.g. \"lead@50\"")
                        return nil
                    }
                    if case .team(let id) = recipient, policy.teams[id] == nil {
                        report(keyPath, "there is no team \"\(SafeText.neutralized(id))\" in [teams]")
                        return nil
                    }
                    levels.append(.init(recipient, at: Double(percent) / 100))
                }
                guard zip(levels, levels.dropFirst()).allSatisfy({ $0.at <= $1.at }) else {
                    report(keyPath, "the levels must go in order of their percent")
                    return nil
                }
                chain.levels = levels
            case "repeat_every_hours": if let n = int(value, keyPath, atLeast: 1) { chain.repeatEveryHours = n }
            case "repeat_times": if let n = int(value, keyPath, atLeast: 0) { chain.repeatTimes = n }
            default: unknownKey(key, in: path, allowed: ConfigurationSchema.chain)
            }
        }
        return chain
    }
}
