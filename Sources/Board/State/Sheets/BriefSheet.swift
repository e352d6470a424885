import EscalationKit

/// An escalation's brief on screen: how far it is scrolled, and the path being typed for `w`.
public struct BriefSheet: Hashable, Sendable {
    public var id: EscalationID
    public var scroll = 0
    /// The path typed so far when asked where to write the brief; nil when not asking.
    public var path: String?

    public init(id: EscalationID) { self.id = id }

    /// The file name `w` offers: `./ESC-YYYY-NNNN-brief.md`.
    public var defaultPath: String { "./\(id)-brief.md" }
}

/// The reports: the weekly summary, or the metrics grouped one way.
public struct ReportsSheet: Hashable, Sendable {
    /// The pages, in the order Tab goes through them.
    public enum Page: String, CaseIterable, Hashable, Sendable {
        case weekly, tier, category, segment

        public var title: String {
            switch self {
            case .weekly: "Weekly summary"
            case .tier: "By tier"
            case .category: "By category"
            case .segment: "By segment"
            }
        }

        var grouping: MetricsGrouping? {
            switch self {
            case .weekly: nil
            case .tier: .tier
            case .category: .category
            case .segment: .segment
            }
        }
    }

    public var page: Page = .weekly
    public var scroll = 0
    /// The archived escalations, once read: the reports count them beside the board's, as
    /// `escalator metrics` does. Nil while the archive is being read.
    public var archived: [Escalation]?
    /// Why the archive could not be read.
    public var archiveError: String?

    public init(page: Page = .weekly) { self.page = page }
}
