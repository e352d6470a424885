/// How the customer feels, spelled as seed 000 does (`frustrated_but_patient`); free-form keys are allowed.
public struct Sentiment: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let positive = Sentiment(rawValue: "positive")
    public static let neutral = Sentiment(rawValue: "neutral")
    public static let concerned = Sentiment(rawValue: "concerned")
    public static let frustratedButPatient = Sentiment(rawValue: "frustrated_but_patient")
    public static let frustrated = Sentiment(rawValue: "frustrated")
    public static let angry = Sentiment(rawValue: "angry")
    public static let threateningChurn = Sentiment(rawValue: "threatening_churn")
    public static let known: [Sentiment] = [.positive, .neutral, .concerned, .frustratedButPatient, .frustrated, .angry, .threateningChurn]

    /// 0 (calm) to 3 (churn threat): how much the sentiment raises urgency.
    public var heat: Int {
        switch self {
        case .positive, .neutral: 0
        case .concerned, .frustratedButPatient: 1
        case .frustrated: 2
        case .angry, .threateningChurn: 3
        default: 1
        }
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
