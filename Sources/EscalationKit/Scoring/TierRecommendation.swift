/// Seed 003's `determine-escalation` output: the tier to be at, how urgent it is, who responds, and why.
public struct TierRecommendation: Hashable, Sendable {
    public var tier: Tier
    public var urgency: Urgency
    /// The tier's stakeholders from the policy, e.g. "Engineering lead, CSM".
    public var target: String
    /// The tier's response target from the policy, e.g. 1h for Tier 3.
    public var response: SLATarget
    /// The sum of the factor points (see `EscalationPath`).
    public var points: Int
    /// True when the recommended tier is above the current one: a re-escalation, which is audited.
    public var raisesTier: Bool
    /// One line per factor that counted, then how the tier was chosen.
    public var rationale: [String]

    public init(tier: Tier, urgency: Urgency, target: String, response: SLATarget, points: Int,
                raisesTier: Bool, rationale: [String]) {
        self.tier = tier
        self.urgency = urgency
        self.target = target
        self.response = response
        self.points = points
        self.raisesTier = raisesTier
        self.rationale = rationale
    }
}
