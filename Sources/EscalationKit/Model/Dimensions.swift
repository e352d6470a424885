/// The four dimensions of seed 002's decision framework, each scored 1 (low) to 5 (high).
public struct Dimensions: Hashable, Codable, Sendable {
    public var impact: Int
    public var value: Int
    public var urgency: Int
    public var capability: Int

    public static let range = 1...5

    /// Returns nil unless every score is within 1...5.
    public init?(impact: Int, value: Int, urgency: Int, capability: Int) {
        guard [impact, value, urgency, capability].allSatisfy(Dimensions.range.contains) else { return nil }
        self.impact = impact
        self.value = value
        self.urgency = urgency
        self.capability = capability
    }

    /// 4 to 20.
    public var total: Int { impact + value + urgency + capability }
}
