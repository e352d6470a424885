/// The escalation tier (seed 003): 1 standard, 2 complex technical, 3 critical or multi-customer, 4 business critical.
public struct Tier: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    /// Returns nil outside 1...4.
    public init?(rawValue: Int) {
        guard (1...4).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public static let standard = Tier(rawValue: 1)!
    public static let complexTechnical = Tier(rawValue: 2)!
    public static let criticalMultiCustomer = Tier(rawValue: 3)!
    public static let businessCritical = Tier(rawValue: 4)!
    public static let all: [Tier] = (1...4).map { Tier(rawValue: $0)! }

    public var description: String { "Tier \(rawValue)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        guard let tier = Tier(rawValue: value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "tier must be 1 to 4, not \(value)"))
        }
        self = tier
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
