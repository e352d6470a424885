import ArgumentParser
import EscalationKit
import Foundation

/// Seed 003's determine-escalation: which tier, how urgent, whom to involve, and why.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Recommend a tier, urgency and target from the issue, the customer and the context.",
        discussion: "Points per factor (severity, reach, duration, segment, health, contract value, previous escalations, sentiment) give the tier; several customers or critical severity mean at least Tier 3. The recommendation never lowers the current tier."
    )

    @Option(help: "critical, high or medium.") var severity: Severity
    @Option(parsing: .unconditional, help: "single_customer or multiple_customers.") var impact: EscalationSituation.Reach = .singleCustomer
    @Option(name: .customLong("duration-hours"), parsing: .unconditional, help: "How long the issue has been open, in hours.") var durationHours: Double = 0
    @Option(name: .customLong("current-tier"), parsing: .unconditional, help: "The tier it is at now (1–4).") var currentTier: Int = 1
    @Option(help: "enterprise, mid_market, smb or strategic.") var segment: Segment = .midMarket
    @Option(name: .customLong("health-score"), parsing: .unconditional, help: "Account health, 0–100.") var healthScore: Int?
    @Option(name: .customLong("contract-value"), parsing: .unconditional, help: "Contract value (whole units).") var contractValue: Int?
    @Option(name: .customLong("previous-escalations"), parsing: .unconditional, help: "How many times this account escalated before.") var previousEscalations = 0
    @Option(help: "Customer sentiment, e.g. frustrated.") var sentiment: String = "neutral"
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func check() throws {
        guard Tier(rawValue: currentTier) != nil else { throw Failure.badInput("--current-tier is 1 to 4, not \(currentTier).") }
        guard durationHours.isFinite, durationHours >= 0 else { throw Failure.badInput("--duration-hours must be a number of hours, 0 or more.") }
        if let h = healthScore, !(0...100).contains(h) { throw Failure.badInput("--health-score is 0 to 100, not \(h).") }
        if let v = contractValue, !(0...Money.maximumAmount).contains(v) { throw Failure.badInput("--contract-value must be between 0 and \(Money.maximumAmount).") }
        guard previousEscalations >= 0 else { throw Failure.badInput("--previous-escalations cannot be negative.") }
        guard SafeText.firstUnsafeScalar(in: sentiment) == nil, !sentiment.isEmpty else { throw Failure.badInput("--sentiment must be a plain word such as frustrated.") }
    }

    struct Output: Encodable {
        var tier: Int
        var tierName: String
        var urgency: String
        var target: String
        var responseTarget: String
        var points: Int
        var raisesTier: Bool
        var rationale: [String]
    }

    func run() throws {
        try reporting {
            try check()
            let policy = try Session.loadPolicy(storeOptions)
            let situation = EscalationSituation(severity: severity, impact: impact, durationHours: durationHours,
                                                currentTier: Tier(rawValue: currentTier)!, segment: segment, healthScore: healthScore,
                                                contractValue: contractValue.map { Money($0) }, previousEscalations: previousEscalations,
                                                sentiment: Sentiment(rawValue: sentiment))
            let r = EscalationPath.determine(situation, policy: policy)
            if json {
                try JSONOutput.print(Output(tier: r.tier.rawValue, tierName: policy.tiers[r.tier]?.name ?? "", urgency: r.urgency.rawValue,
                                            target: r.target, responseTarget: r.response.description, points: r.points,
                                            raisesTier: r.raisesTier, rationale: r.rationale))
                return
            }
            let c = Console.standard
            c.print(c.paint("Tier \(r.tier.rawValue) — \(policy.tiers[r.tier]?.name ?? "")", .bold) + (r.raisesTier ? " (raised from Tier \(currentTier): a re-escalation)" : ""))
            c.print("Urgency   \(r.urgency.label)")
            c.print("Target    \(r.target)")
            c.print("Respond   within \(r.response.phrase(.business))")
            c.print("Points    \(r.points)")
            c.print("")
            c.print(c.paint("Why", .bold))
            for line in r.rationale { c.print("  - " + line) }
        }
    }
}

extension EscalationSituation.Reach: ExpressibleByArgument {}
