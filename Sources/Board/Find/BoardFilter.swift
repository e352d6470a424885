import Foundation
import EscalationKit

/// A find query, parsed: every word must appear in the id, account, title or owner (its login or
/// roster name; case and accents ignored), `owner:NAME` narrows to the owners `OwnerMatch` finds
/// for NAME, `is:critical` and the other quick filters must all hold.
public struct BoardFilter: Hashable, Sendable, CustomStringConvertible {
    public var words: [String] = []
    public var owner: String?
    public var quick: [QuickFilter] = []

    public init(query: String) {
        for word in query.split(whereSeparator: \.isWhitespace).map(String.init) {
            let lower = word.lowercased()
            if lower.hasPrefix("is:"), let filter = QuickFilter(name: String(word.dropFirst(3))) {
                if !quick.contains(filter) { quick.append(filter) }
            } else if lower.hasPrefix("owner:"), word.count > 6 {
                owner = String(word.dropFirst(6))
            } else {
                words.append(word)
            }
        }
    }

    public var isEmpty: Bool { words.isEmpty && owner == nil && quick.isEmpty }

    /// The query in its normal form: words, then the owner, then the quick filters.
    public var description: String {
        (words + (owner.map { ["owner:" + $0] } ?? []) + quick.map { "is:" + $0.rawValue }).joined(separator: " ")
    }

    /// True when `e` passes every part of the filter.
    public func matches(_ e: Escalation, status: Status, policy: Policy, now: Date, actor: String) -> Bool {
        let roster = policy.people
        if !words.isEmpty {
            let fields = [e.id.description, e.account.name, e.title, e.owner ?? "", e.owner.map(roster.displayName) ?? ""]
            for word in words where !fields.contains(where: { Self.contains($0, word) }) { return false }
        }
        if let owner {
            guard let own = e.owner, OwnerMatch.matches(owner, owner: own, roster: roster) else { return false }
        }
        guard !quick.isEmpty else { return true }
        let facts = CardFacts(e, policy: policy, now: now)
        return quick.allSatisfy { $0.matches(e, facts: facts, status: status, actor: actor, roster: roster) }
    }

    static func contains(_ field: String, _ word: String) -> Bool {
        field.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}
