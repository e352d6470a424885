import Foundation

/// One escalation's life in the demo store, from routing to wherever it stands at `now`.
struct DemoStory {
    let id: EscalationID
    let start: Date
    let isOpen: Bool
    let now: Date
    let account: Account
    let reporter: String
    let owner: String
    let policy: Policy

    static let issues: [(Category, String, String)] = [
        (.productDefect, "API latency spikes on the reporting endpoint", "Their analytics team cannot run reports; about 4 hours a week lost to manual exports."),
        (.productDefect, "Data export missing rows", "Finance reconciles exports weekly; 3% of rows are missing, so month-end close slips a day."),
        (.productDefect, "SSO login loop after IdP change", "120 users cannot log in through SSO and use password fallback, which their policy forbids."),
        (.featureGap, "No audit log for permission changes", "Their SOC 2 audit in 6 weeks requires it; without it they cannot renew."),
        (.featureGap, "Bulk edit for 10k records", "Operations edits records one by one, 2 FTE days per month."),
        (.serviceFailure, "Third SLA breach this quarter", "Three outages over 2 hours each this quarter; the contract SLA is 99.9%."),
        (.commercialDispute, "Invoice charged for unused seats", "Billed for 250 seats, 180 in use; EUR 14k disputed."),
        (.relationshipAtRisk, "Champion left, new VP evaluating competitors", "The new VP has a competitor demo booked next week; renewal in question."),
        (.executiveIntervention, "CEO-to-CEO call requested", "Their CEO wrote to ours about repeated outages and wants a call this week."),
        (.crossFunctional, "Migration needs Eng, Support and Finance", "Their data migration is blocked on three teams; go-live slips each week it waits."),
        (.security, "Possible data exposure via shared link", "A shared dashboard link was reachable without login; 2 reports affected."),
    ]

    func events(using rng: inout SeededRandom) -> [Event] {
        let (category, title, impact) = rng.pick(Self.issues)
        let severity: Severity = category == .security ? .critical : rng.pick([.critical, .high, .high, .medium, .medium, .medium])
        let tier: Tier = severity == .critical ? rng.pick([.criticalMultiCustomer, .businessCritical]) : rng.pick([.standard, .standard, .complexTechnical])
        let dims = Dimensions(impact: severity == .critical ? 5 : Int.random(in: 2...4, using: &rng),
                              value: account.arr.amount > 50_000 ? 5 : account.arr.amount >= 10_000 ? 3 : 1,
                              urgency: severity == .critical ? 5 : Int.random(in: 2...4, using: &rng),
                              capability: Int.random(in: 3...5, using: &rng))
        let reproduction = category == .productDefect
            ? Reproduction(steps: ["Sign in as an admin on the customer's tenant", "Open Reports › Weekly usage", "Export as CSV"],
                           expected: "All rows exported", actual: "Rows after 10,000 are missing", environment: "Chrome 131, EU-2 region, Enterprise plan",
                           frequency: "Always")
            : nil
        let brief = Brief(
            impact: impact,
            impactDimensions: ImpactDimensions(breadth: rng.chance(0.2) ? "3 customers report it" : "1 customer, \(Int.random(in: 20...400, using: &rng)) users",
                                               depth: severity == .critical ? "Blocked" : "Painful workaround",
                                               revenue: "\(account.arr.short) ARR at risk", multipleCustomers: rng.chance(0.2)),
            description: "\(title). Reported by \(account.name) and confirmed by support.",
            attempts: [Attempt(step: "Reproduced on a test tenant", result: "Same behaviour"),
                       Attempt(step: "Cleared caches and retried", result: "No change")],
            reproduction: reproduction,
            communication: CustomerCommunication(lastUpdate: "Told the customer we escalated and will update within a day",
                                                 lastUpdateAt: start, expectation: "A fix or a plan this week", escalationRisk: "Will involve their CIO"),
            ask: Ask(kind: rng.pick([.investigate, .fix, .decide, .approve]), text: "Investigate the root cause and give a fix date",
                     deadline: start.addingTimeInterval(Double(Int.random(in: 1...10, using: &rng)) * 86400)),
            commercialContext: "Renewal \(account.renewal.map(String.init(describing:)) ?? "unknown")",
            links: ["SUP-\(Int.random(in: 10000...99999, using: &rng))"]
        )
        let draft = Draft(title: title, account: account, category: category, severity: severity, suggestedSeverity: severity, tier: tier,
                          team: policy.rule(for: category).team, dimensions: dims, brief: brief,
                          sentiment: rng.pick(Sentiment.known), pattern: rng.chance(0.1) ? "pattern-\(category.key)" : nil)
        var out: [Event] = []
        var t = start
        var revision = 0
        func add(_ change: Change, after seconds: Double, by actor: String) -> Bool {
            let next = t.addingTimeInterval(seconds)
            guard next < now else { return false }
            t = next
            out.append(Event(time: t, actor: actor, escalation: id, expectedRevision: revision, change: change))
            revision += 1
            return true
        }
        let scale = severity == .critical ? 0.3 : severity == .high ? 1.0 : 2.0
        let hour = 3600.0
        _ = add(.created(draft), after: 0, by: reporter)
        // Open escalations stop at a random stage; closed ones run the whole course.
        let stage = isOpen ? Int.random(in: 0...5, using: &rng) : 6
        guard stage >= 1, add(.acknowledged(owner: owner), after: Double.random(in: 0.3...5, using: &rng) * hour * scale, by: owner) else { return out }
        guard stage >= 2, add(.started, after: Double.random(in: 0.5...6, using: &rng) * hour * scale, by: owner) else { return out }
        let notes = Int.random(in: 2...5, using: &rng)
        for n in 0..<notes {
            // Some open escalations go quiet for a week: the board shows them stalled.
            let quiet = isOpen && stage == 3 && n == notes - 1 ? 0.0 : Double.random(in: 2...20, using: &rng) * hour * scale
            guard quiet > 0 else { return out }
            guard add(.progressNoted(note: "Update \(n + 1): narrowed it down", endedStall: nil), after: quiet, by: owner) else { return out }
            if rng.chance(0.6) {
                guard add(.customerUpdated(note: "Shared progress with the customer"), after: 0.5 * hour, by: reporter) else { return out }
            }
        }
        guard stage >= 4, add(.resolved(resolution: "Fix deployed and verified with the customer's data"), after: Double.random(in: 1...30, using: &rng) * hour * scale, by: owner) else { return out }
        guard stage >= 6, add(.closed, after: Double.random(in: 4...72, using: &rng) * hour, by: reporter) else { return out }
        return out
    }
}
