/// An escalation's identifier, `ESC-YYYY-NNNN`: the year it was opened and a number within that year.
public struct EscalationID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Parses `ESC-2026-0342` (case-insensitive prefix); returns nil for anything else.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "ESC",
              parts[1].count == 4, let year = Int(parts[1]), year >= 1000,
              parts[2].count >= 4, parts[2].allSatisfy(\.isASCII), let number = Int(parts[2]), number > 0
        else { return nil }
        self.init(year: year, number: number)
    }

    public var description: String {
        let digits = String(number)
        return "ESC-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = EscalationID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an escalation id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
