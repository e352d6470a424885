import Foundation
@testable import EscalationKit

/// A ledger that escalations are built in through `Lifecycle.decide` + `Ledger.apply`, as the store does.
struct Desk {
    let policy = Policy.standard
    var ledger: Ledger

    init(firstNumber: Int = 1) {
        ledger = Ledger(escalations: [], lastSequence: 0, lastNumberByYear: [2026: firstNumber - 1])
    }

    /// Applies `command` at `time` and returns the escalation it touched.
    @discardableResult
    mutating func run(_ command: Command, _ id: EscalationID? = nil, at time: Date, actor: String = "alice") throws -> Escalation {
        var event = try Lifecycle(policy: policy).decide(command, on: id, in: ledger, at: time, actor: actor)
        event.sequence = ledger.lastSequence + 1
        try ledger.apply(event)
        return ledger[event.escalation]!
    }

    var all: [Escalation] { ledger.escalations.values.sorted { $0.id < $1.id } }
}

/// A moment in UTC: `utc("2026-03-10 09:00")`.
func utc(_ text: String) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let p = text.split { $0 == "-" || $0 == " " || $0 == ":" }.map { Int($0)! }
    return calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4]))!
}

func draft(_ title: String = "API latency issue", account: String = "Acme Corp", arr: Int = 85_000,
           category: Category = .productDefect, severity: Severity = .critical, renewal: CalendarDay? = nil,
           segment: Segment = .enterprise, tier: Tier = .standard, brief: Brief = .init(),
           sentiment: Sentiment = .neutral, pattern: String? = nil) -> Draft {
    Draft(title: title, account: Account(name: account, arr: Money(arr), segment: segment, renewal: renewal),
          category: category, severity: severity, tier: tier, team: Policy.standard.rule(for: category).team,
          brief: brief, sentiment: sentiment, pattern: pattern)
}

/// A brief that follows every best practice of seeds 001 and 002.
func goodBrief(deadline: Date) -> Brief {
    Brief(
        impact: "Their analytics team cannot run reports, costing them about 4 hours per week in manual workarounds.",
        impactDimensions: ImpactDimensions(breadth: "1 customer, 40 users", depth: "blocked", duration: "6 hours",
                                           revenue: "EUR 85k ARR, renewal in 67 days"),
        description: "The orders API answers in 9 s instead of 300 ms since the 2026-03-09 deploy. Reports time out.",
        attempts: [Attempt(step: "Cleared the cache", result: "no change"), Attempt(step: "Tested on a test account", result: "same latency")],
        reproduction: Reproduction(steps: ["Log in as an admin of account 4711", "Open Reports › Orders", "Click Export"],
                                   expected: "Export within 5 s", actual: "Timeout after 30 s", environment: "Chrome 122, EU-1, plan Enterprise",
                                   frequency: "always"),
        communication: CustomerCommunication(lastUpdate: "Told them engineering is investigating", expectation: "A fix by Friday",
                                             escalationRisk: "Will involve their CTO if not fixed by Friday"),
        ask: Ask(kind: .investigate, text: "Investigate the slow query on /v2/orders and provide a fix or timeline", deadline: deadline),
        commercialContext: "Expansion deal of EUR 20k pending",
        links: ["https://support.example.com/tickets/4711"])
}
