/// What the board is filtered by and how its columns are sorted, and whether the find line is open.
public struct FindState: Hashable, Sendable {
    /// The filter as typed: words to find, `owner:NAME`, and `is:` quick filters (see `BoardFilter`).
    public var query = ""
    public var sort: SortOrder = .urgency
    /// True while the find line (`/`) takes the keys.
    public var isTyping = false

    public init() {}

    /// The parsed query; nil when it filters nothing.
    public var filter: BoardFilter? {
        let filter = BoardFilter(query: query)
        return filter.isEmpty ? nil : filter
    }

    /// True when the board shows only matching cards.
    public var isActive: Bool { filter != nil }

    /// For the header: `filter: acme is:critical` or `filter: none`.
    public var filterText: String { "filter: " + (filter?.description ?? "none") }
    /// For the header: `sort: age`.
    public var sortText: String { "sort: " + sort.rawValue }
}

/// How cards are ordered within each column.
public enum SortOrder: String, CaseIterable, Hashable, Sendable {
    /// Most severe first, then the longest waiting: the board's natural order.
    case urgency
    /// Oldest first.
    case age
    /// Largest account (ARR) first.
    case arr

    /// The order after this one, for the key that cycles them.
    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
