import ArgumentParser
import EscalationKit
import Foundation

/// Seed 002's decision framework: four scores in, a decision and a suggested severity out.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a situation on the four dimensions and get the escalation decision.",
        discussion: "4–8 handle it yourself · 9–13 escalate for support · 14–17 escalate with urgency · 18–20 escalate immediately. Without --json prints the escalation assessment."
    )

    @Option(parsing: .unconditional, help: "Customer impact, 1 (workaround exists) to 5 (severe, no workaround, revenue impact).") var impact: Int
    @Option(parsing: .unconditional, help: "Account value, 1 (< EUR 10k ARR) to 5 (> EUR 50k or highly strategic).") var value: Int
    @Option(parsing: .unconditional, help: "Time sensitivity, 1 (normal cadence) to 5 (today; delay compounds).") var urgency: Int
    @Option(parsing: .unconditional, help: "CSM capability, 1 (you can resolve it) to 5 (beyond your expertise, authority or access).") var capability: Int
    @Option(help: "The account, for the assessment's heading.") var account: String?
    @Option(help: "The category, to name the team to route to.") var category: Category?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func check() throws {
        for (name, score) in [("impact", impact), ("value", value), ("urgency", urgency), ("capability", capability)]
        where !Dimensions.range.contains(score) {
            throw Failure.badInput("--\(name) is a score from 1 to 5, not \(score).")
        }
    }

    struct Output: Encodable {
        var total: Int
        var decision: String
        var decisionLabel: String
        var suggestedSeverity: String
        var routeTo: String
        var rationale: [Line]
        struct Line: Encodable {
            var dimension: String
            var score: Int
            var reason: String
        }
    }

    func run() throws {
        try reporting {
            try check()
            let policy = try Session.loadPolicy(storeOptions)
            let dims = Dimensions(impact: impact, value: value, urgency: urgency, capability: capability)!
            let card = category.map { DecisionFramework.assess(dims, policy: policy, category: $0) }
                ?? DecisionFramework.assess(dims, bands: policy.scoring)
            if json {
                try JSONOutput.print(Output(total: card.total, decision: card.decision.rawValue, decisionLabel: card.decision.label,
                                            suggestedSeverity: card.suggestedSeverity.rawValue, routeTo: card.routeTo,
                                            rationale: card.rationale.map { .init(dimension: $0.dimension.label, score: $0.score, reason: $0.reason) }))
                return
            }
            func score(_ d: ScoredDimension) -> AssessmentInput.Score {
                let line = card.rationale.first { $0.dimension == d }
                return AssessmentInput.Score(line?.score ?? 0, line?.reason ?? "")
            }
            let input = AssessmentInput(account: safe(account ?? "[Account Name]"), situation: card.decision.guidance,
                                        customerImpact: score(.impact), accountValue: score(.value), timeSensitivity: score(.urgency),
                                        csmCapability: score(.capability), total: card.total, decision: card.decision.label,
                                        escalating: card.decision.escalates, routeTo: card.routeTo,
                                        specificAsk: "[what you need]", byWhen: "[deadline]",
                                        customerCommunication: "Tell the customer you have escalated and when they will hear back.")
            print(input.markdown)
            print("Suggested severity: \(card.suggestedSeverity.rawValue)")
        }
    }
}
