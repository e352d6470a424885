extension Severity {
    /// The priority label a headline uses (seed 000's "P1"): critical P1, high P2, medium P3.
    public var priority: String {
        switch self {
        case .critical: "P1"
        case .high: "P2"
        case .medium: "P3"
        }
    }
}
