import Foundation

/// One notification of an escalation's chain as the outbox records it — what `show` lists under
/// "Notified": the level it named and when it was queued. The board's owner reads them and hands
/// them in (`BoardState.chainNotices`, `.chainNoticesRead`), since the board reads no store.
public struct ChainNotice: Hashable, Sendable {
    /// As the payload names it: "level 2 (lead): Mike Chen", "stalled, level 3 (team:cs_leadership): CS leadership".
    public var level: String
    public var queued: Date
    public var delivered: Bool

    public init(level: String, queued: Date, delivered: Bool) {
        self.level = level
        self.queued = queued
        self.delivered = delivered
    }
}
