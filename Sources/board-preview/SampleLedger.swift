import Foundation
import EscalationKit

/// A small, repeatable board: a dozen escalations spread over the lifecycle, made by the real
/// lifecycle from a fixed seed, with accented, CJK and emoji account names.
enum SampleLedger {
    static let accounts: [(String, Int)] = [
        ("Acme Corp", 85_000), ("Société Générale", 1_200_000), ("株式会社サンプル", 64_000), ("Globex", 12_500),
        ("Initech", 42_000), ("Café ☕ Lab", 8_000), ("Umbrella Health", 230_000), ("Zoë Ltd", 27_000),
        ("Hooli", 510_000), ("Ørsted Wind", 96_000), ("Stark Industries", 2_000_000), ("Wayne Logistics", 150_000),
    ]
    static let titles = ["API latency", "Export missing rows", "SSO login loop", "Invoice dispute", "Renewal at risk",
                         "Data sync delayed", "Dashboard timeouts", "Webhook failures"]
    static let owners = ["mike", "priya", "jonas", "amélie", "kenji"]

    /// Builds the ledger as it would stand at `now`.
    static func make(seed: UInt64 = 42, now: Date, policy: Policy) -> Ledger {
        var random = SeededRandom(seed: seed)
        var ledger = Ledger()
        let lifecycle = Lifecycle(policy: policy)
        func commit(_ command: Command, _ id: EscalationID?, at time: Date, actor: String = "preview") -> EscalationID? {
            guard var event = try? lifecycle.decide(command, on: id, in: ledger, at: time, actor: actor) else { return nil }
            event.sequence = ledger.lastSequence + 1
            guard (try? ledger.apply(event)) != nil else { return nil }
            return event.escalation
        }
        // Target stage per escalation: 0 routed, 1 acknowledged, 2 in progress, 3 stalled, 4 resolved, 5 closed.
        let stages = [0, 0, 1, 1, 2, 2, 2, 3, 4, 4, 5, 0]
        for (i, (name, arr)) in accounts.enumerated() {
            let category = Category.allCases[random.below(Category.allCases.count)]
            let severity = Severity.allCases[random.below(3)]
            let stage = stages[i]
            let ageHours = stage == 3 ? 24 * 9 : 1 + random.below(72)
            let opened = now.addingTimeInterval(-Double(ageHours) * 3600)
            let draft = Draft(title: titles[random.below(titles.count)], account: Account(name: name, arr: Money(arr)),
                              category: category, severity: severity, tier: Tier.all[random.below(4)],
                              team: policy.rule(for: category).team,
                              brief: Brief(impact: "Users cannot finish their work.", ask: Ask(kind: .fix, text: i % 3 == 0 ? "" : "Fix and confirm")),
                              pattern: i % 5 == 0 ? "export-missing-rows" : nil)
            guard let id = commit(.create(draft), nil, at: opened) else { continue }
            let step = Double(ageHours) * 3600 / 8
            if stage >= 1 { _ = commit(.acknowledge(owner: owners[random.below(owners.count)]), id, at: opened + step) }
            if stage >= 2 && stage != 3 { _ = commit(.start, id, at: opened + 2 * step) }
            if stage == 3 {
                _ = commit(.start, id, at: opened + 600)
            }
            if stage >= 4 { _ = commit(.resolve(resolution: "Patched and verified"), id, at: opened + 3 * step) }
            if stage >= 5 { _ = commit(.close, id, at: opened + 4 * step) }
        }
        return ledger
    }
}
