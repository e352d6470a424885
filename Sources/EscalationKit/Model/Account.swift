/// The customer account an escalation is about: the commercial context every score and brief uses.
public struct Account: Hashable, Codable, Sendable {
    public var name: String
    public var arr: Money
    public var segment: Segment
    /// 0 (about to churn) to 100 (thriving); nil when unknown.
    public var healthScore: Int?
    public var renewal: CalendarDay?
    /// A logo, reference or board-level relationship.
    public var strategic: Bool

    public init(name: String, arr: Money, segment: Segment = .midMarket, healthScore: Int? = nil,
                renewal: CalendarDay? = nil, strategic: Bool = false) {
        self.name = name
        self.arr = arr
        self.segment = segment
        self.healthScore = healthScore
        self.renewal = renewal
        self.strategic = strategic
    }
}
