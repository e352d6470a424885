import Foundation
import EscalationKit

extension BoardColumns {
    /// The columns with only the cards that pass `find`'s filter, in its sort order.
    func arranged(by find: FindState, actor: String, policy: Policy, now: Date) -> BoardColumns {
        let filter = find.filter
        guard filter != nil || find.sort != .urgency else { return self }
        var copy = self
        for (status, cards) in byStatus {
            var kept = filter.map { f in cards.filter { f.matches($0, status: status, policy: policy, now: now, actor: actor) } } ?? cards
            switch find.sort {
            case .urgency: break
            case .age: kept.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            case .arr:
                kept.sort { a, b in
                    if a.account.arr.amount != b.account.arr.amount { return a.account.arr.amount > b.account.arr.amount }
                    return a.id < b.id
                }
            }
            copy.byStatus[status] = kept
        }
        return copy
    }

    /// Every card shown, column by column, top to bottom: the order `n` walks.
    var readingOrder: [(status: Status, row: Int, id: EscalationID)] {
        Status.allCases.flatMap { status in self[status].enumerated().map { (status, $0.offset, $0.element.id) } }
    }
}
