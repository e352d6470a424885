import Foundation

/// The plain values seed 002's assessment shows, so any scorer (the CLI feeding `DecisionFramework`'s
/// result, or a person) can render one: scores with their rationale, the total, the decision and, when
/// escalating, where to, what for, by when and what the customer hears.
///
/// The CLI fills it like this: `account` and `situation` from the escalation (title + brief impact),
/// the four `Score`s from `Escalation.dimensions` with the framework's rationale lines, `total` from
/// the framework, `decision` = `Decision.label` (e.g. "Escalate with urgency"), `escalating` =
/// `Decision.escalates` — or all at once with `init(_:decision:escalating:rationales:at:policy:)`.
public struct AssessmentInput: Hashable, Codable, Sendable {
    /// One scored dimension: 1–5 and why.
    public struct Score: Hashable, Codable, Sendable {
        public var score: Int
        public var rationale: String

        public init(_ score: Int, _ rationale: String = "") {
            self.score = score
            self.rationale = rationale
        }
    }

    public var account: String
    /// 2–3 sentences: what is happening.
    public var situation: String
    public var customerImpact: Score
    public var accountValue: Score
    public var timeSensitivity: Score
    public var csmCapability: Score
    /// 4–20; the framework's total (normally the sum of the four scores).
    public var total: Int
    /// The decision band's label: "Handle it yourself", "Escalate for support", "Escalate with urgency", "Escalate immediately".
    public var decision: String
    /// False when the decision is to handle it yourself: the "If Escalating" lines then say so.
    public var escalating: Bool
    public var routeTo: String
    public var specificAsk: String
    public var byWhen: String
    public var customerCommunication: String

    public init(account: String, situation: String, customerImpact: Score, accountValue: Score, timeSensitivity: Score,
                csmCapability: Score, total: Int? = nil, decision: String, escalating: Bool = true, routeTo: String = "",
                specificAsk: String = "", byWhen: String = "", customerCommunication: String = "") {
        self.account = account
        self.situation = situation
        self.customerImpact = customerImpact
        self.accountValue = accountValue
        self.timeSensitivity = timeSensitivity
        self.csmCapability = csmCapability
        self.total = total ?? (customerImpact.score + accountValue.score + timeSensitivity.score + csmCapability.score)
        self.decision = decision
        self.escalating = escalating
        self.routeTo = routeTo
        self.specificAsk = specificAsk
        self.byWhen = byWhen
        self.customerCommunication = customerCommunication
    }

    /// The input for an escalation: scores from its dimensions (1s when unscored), the situation from
    /// its title and impact, route from its team, ask and deadline from its brief, and the customer line
    /// from its communication expectation (or seed 002's "I have escalated this to [team]…" when empty).
    /// `rationales` are the four rationale lines in the order impact, value, urgency, capability.
    public init(_ e: Escalation, decision: String, escalating: Bool, rationales: [String] = [], at now: Date, policy: Policy) {
        let d = e.dimensions
        func line(_ i: Int) -> String { i < rationales.count ? rationales[i] : "" }
        let team = policy.teams[e.team]?.name ?? e.team
        let zone = policy.calendar.timeZone
        let deadline = e.brief.ask.deadline.map { ReportTime.minute($0, in: zone) }
        let situation = [e.title, e.brief.impact].map { $0.trimmed }
            .filter { !$0.isEmpty }.joined(separator: ". ")
        let expectation = e.brief.communication.expectation.trimmed
        self.init(account: e.account.name, situation: situation,
                  customerImpact: Score(d?.impact ?? 1, line(0)), accountValue: Score(d?.value ?? 1, line(1)),
                  timeSensitivity: Score(d?.urgency ?? 1, line(2)), csmCapability: Score(d?.capability ?? 1, line(3)),
                  total: d?.total, decision: decision, escalating: escalating, routeTo: team,
                  specificAsk: e.brief.ask.text, byWhen: deadline ?? "",
                  customerCommunication: expectation.isEmpty
                    ? "I have escalated this to \(team) and expect an update by \(deadline ?? "[date]")." : expectation)
    }

    enum CodingKeys: String, CodingKey {
        case account, situation, total, decision, escalating
        case customerImpact = "customer_impact", accountValue = "account_value", timeSensitivity = "time_sensitivity"
        case csmCapability = "csm_capability", routeTo = "route_to", specificAsk = "specific_ask", byWhen = "by_when"
        case customerCommunication = "customer_communication"
    }
}
