/// An amount in whole units of a currency, e.g. EUR 85000 of ARR.
public struct Money: Hashable, Codable, Sendable, CustomStringConvertible {
    public var amount: Int
    /// ISO 4217 code, upper case.
    public var currency: String

    public init(_ amount: Int, _ currency: String = "EUR") {
        self.amount = amount
        self.currency = currency
    }

    /// The largest ARR the tool accepts; anything above is a typo, not a customer.
    public static let maximumAmount = 10_000_000_000

    /// "EUR 85k", "EUR 1.2M", "EUR 950": the form a brief's headline uses.
    public var short: String {
        let value = Double(amount)
        let text: String
        switch abs(amount) {
        case 1_000_000...:
            text = trimmed(value / 1_000_000) + "M"
        case 1_000...:
            text = trimmed(value / 1_000) + "k"
        default:
            text = String(amount)
        }
        return "\(currency) \(text)"
    }

    public var description: String { "\(currency) \(amount)" }

    private func trimmed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
