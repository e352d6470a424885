import Foundation

extension Clocks {
    /// The deadlines of the clocks running now (neither stopped nor paused), without working out how
    /// much of each is used: what a board needs to place, count and sort thousands of escalations.
    /// A clock is breached (the stall clock: stalled) once `now` reaches its deadline.
    public func liveDeadlines(of e: Escalation) -> [(kind: ClockKind, deadline: Date)] {
        let terms = Terms(self, e)
        return ClockKind.allCases.compactMap { kind in
            guard let plan = plan(kind, of: e, describing: false, terms: terms), plan.stoppedAt == nil, plan.pausedSince == nil else { return nil }
            return (kind, plan.deadline)
        }
    }
}
