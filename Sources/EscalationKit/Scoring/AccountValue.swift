/// Suggests seed 002's account-value score from ARR and the strategic flag; the human confirms it.
public enum AccountValue {
    /// A suggested score with the reason, shown next to the field so the CSM can agree or override.
    public struct Suggestion: Hashable, Sendable {
        public var score: Int
        public var reason: String

        public init(score: Int, reason: String) {
            self.score = score
            self.reason = reason
        }
    }

    /// 1 below `bands.lowValueARR`, 3 from there up to and including `bands.highValueARR`, 5 above it
    /// (seed 002: "<10k", "10-50k", ">50k"); a strategic account (the flag, or the strategic segment)
    /// scores 5 whatever its ARR, because the flag means exactly seed 002's "high strategic value
    /// (logo, reference, board-level)".
    ///
    /// The amount is compared as-is whatever its currency: the thresholds are in the currency the team
    /// works in (EUR by default), and no exchange rate is assumed. The reason says so for a foreign currency.
    public static func suggest(arr: Money, strategic: Bool, bands: ScoringBands) -> Suggestion {
        let band: (Int, String)
        if arr.amount > bands.highValueARR {
            band = (5, "ARR \(arr.short) is above \(amount(bands.highValueARR))")
        } else if arr.amount >= bands.lowValueARR {
            band = (3, "ARR \(arr.short) is between \(amount(bands.lowValueARR)) and \(amount(bands.highValueARR))")
        } else {
            band = (1, "ARR \(arr.short) is below \(amount(bands.lowValueARR))")
        }
        var reason = band.1
        var score = band.0
        if strategic {
            score = 5
            reason = "Strategic account (logo, reference or board-level); " + reason
        } else if band.0 == 1 {
            reason += ", non-strategic"
        }
        if arr.currency != "EUR" {
            reason += " (\(arr.currency) compared as-is with the thresholds, no conversion)"
        }
        return Suggestion(score: score, reason: reason)
    }

    /// Suggests the score for an account: its ARR, and strategic when flagged or in the strategic segment.
    public static func suggest(for account: Account, bands: ScoringBands) -> Suggestion {
        suggest(arr: account.arr, strategic: account.strategic || account.segment == .strategic, bands: bands)
    }

    private static func amount(_ value: Int) -> String { Money(value).short }
}
