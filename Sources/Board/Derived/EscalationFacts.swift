import Foundation
import EscalationKit

/// What the board's aggregates need to know about one escalation, read from its clocks once and
/// valid until its next deadline (or until it changes): the column it shows in, whether it is
/// breached, and which clock runs out first.
public struct EscalationFacts: Sendable {
    /// The status shown (Stalled read from the clock).
    public var status: Status
    /// A live clock other than the stall clock has passed its deadline.
    public var breached: Bool
    /// The live clock (stall included) with the earliest deadline, passed or not: what breaches or stalls first.
    public var first: (kind: ClockKind, deadline: Date)? {
        get { firstKind.map { ($0, firstDeadline) } }
        set { firstKind = newValue?.kind; firstDeadline = newValue?.deadline ?? .distantFuture }
    }
    var firstKind: ClockKind?
    var firstDeadline: Date
    /// Which version of the escalation these facts describe.
    var revision: Int
    /// The facts hold from this moment...
    var validFrom: Date
    /// ... until this one, when a clock passes its deadline or a closed card leaves the board.
    var validUntil: Date
    /// False for a closed escalation past the board's "recently closed" window.
    public var onBoard: Bool

    init(_ e: Escalation, clocks: Clocks, now: Date) {
        revision = e.revision
        validFrom = now
        firstKind = nil
        firstDeadline = .distantFuture
        breached = false
        if e.status == .closed {
            // No clock runs on a closed escalation: only the end of its time on the board matters.
            status = .closed
            let leaves = (e.closedAt ?? e.createdAt).addingTimeInterval(Double(clocks.policy.recentlyClosedDays) * 86_400)
            onBoard = now < leaves
            validUntil = onBoard ? leaves : .distantFuture
            return
        }
        onBoard = true
        // Deadlines only: how much of each clock is used is a card's business, read for visible cards.
        let live = clocks.liveDeadlines(of: e)
        let stalled = live.contains { $0.kind == .stall && now >= $0.deadline }
        status = stalled ? .stalled : e.status
        breached = live.contains { $0.kind != .stall && now >= $0.deadline }
        if let first = live.min(by: { $0.deadline < $1.deadline }) {
            firstKind = first.kind
            firstDeadline = first.deadline
        }
        validUntil = live.map(\.deadline).filter { $0 > now }.min() ?? .distantFuture
    }

    func holds(for e: Escalation, at now: Date) -> Bool {
        e.revision == revision && now >= validFrom && now < validUntil
    }
}
