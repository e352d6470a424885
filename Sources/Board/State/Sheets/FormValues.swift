import EscalationKit

/// What has been entered in the form: text per field, choices and scores. A choice left nil
/// follows its default (the suggested severity, the severity's usual tier).
public struct FormValues: Hashable, Sendable {
    public var text: [FormField: String] = [:]
    public var category: Category?
    public var scores: [ScoredDimension: Int] = [:]
    public var severity: Severity?
    public var tier: Tier?

    public init() {}

    public subscript(field: FormField) -> String {
        get { text[field] ?? "" }
        set { text[field] = newValue }
    }
}

extension ScoredDimension {
    /// The form field that holds this dimension's score.
    var field: FormField {
        switch self {
        case .impact: .impactScore
        case .value: .valueScore
        case .urgency: .urgencyScore
        case .capability: .capabilityScore
        }
    }
}

extension FormField {
    /// The scoring dimension of a score field.
    var dimension: ScoredDimension? { ScoredDimension.allCases.first { $0.field == self } }
}
