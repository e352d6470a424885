import EscalationKit

/// An escalation's brief on screen: how far it is scrolled, and the path being typed for `w`.
public struct BriefSheet: Hashable, Sendable {
    public var id: EscalationID
    public var scroll = 0
    /// The path typed so far when asked where to write the brief; nil when not asking.
    public var path: String?
    /// The draft shown instead of the brief (Tab, or 2–5), nil for the brief: `y` copies and `w` writes what is shown.
    public var draft: DraftAudience?

    public init(id: EscalationID) { self.id = id }

    /// The file name `w` offers: `./ESC-YYYY-NNNN-brief.md`, or `-customer.md` and so on for a draft.
    public var defaultPath: String { "./\(id)-\(draft?.rawValue ?? "brief").md" }

    /// The pages in Tab order: the brief, then each draft.
    public static let pages: [DraftAudience?] = [nil] + DraftAudience.allCases.map { $0 }
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
