import Foundation

/// When each level of an escalation's chain is told, and who that is: pure, `now` a parameter.
public struct ChainSchedule: Sendable {
    public let policy: Policy

    public init(policy: Policy) { self.policy = policy }

    /// One notification of the chain.
    public struct Step: Hashable, Sendable {
        /// From 1; repeats continue the numbering after the last level.
        public var level: Int
        public var recipient: EscalationChain.Recipient
        /// Who that is, as the roster names them (a person, or a team's name, lead and channel).
        public var names: String
        public var at: Date
        /// "level 2 (lead)", "repeat 1 (team:cs_leadership)": what the notification names.
        public var label: String
    }

    /// The chain's steps for `e`, from its acknowledge clock's start and deadline (which `now` does
    /// not move); none for an escalation without that clock.
    public func steps(for e: Escalation, at now: Date) -> [Step] {
        guard let ack = Clocks(policy: policy).read(.acknowledge, of: e, at: now) else { return [] }
        return walk(for: e, start: ack.start, deadline: ack.deadline, basis: ack.basis, prefix: "")
    }

    /// The steps due at `now` for an escalation still waiting for its acknowledgement.
    public func due(for e: Escalation, at now: Date) -> [Step] {
        guard let ack = Clocks(policy: policy).read(.acknowledge, of: e, at: now), ack.stoppedAt == nil, e.isOpen else { return [] }
        return steps(for: e, at: now).filter { $0.at <= now && $0.at >= ack.start }
    }

    /// The same chain for a stalled escalation (domain.md: a stall is a re-escalation flag to the CSM
    /// and their manager). It starts over when the escalation stalls, as if it had been routed then:
    /// each level at its share of the acknowledge target counted from the stall, then the repeats.
    /// Its level at 0 % is the `stalled` notification itself. None while the escalation is not stalled.
    public func stallSteps(for e: Escalation, at now: Date) -> [Step] {
        let clocks = Clocks(policy: policy)
        guard e.isOpen, let since = clocks.stallStart(of: e, at: now) else { return [] }
        let basis = clocks.basis(for: e)
        let deadline = BusinessTime.deadline(from: since, adding: clocks.acknowledgeTarget(for: e).0, basis: basis, calendar: policy.calendar)
        return walk(for: e, start: since, deadline: deadline, basis: basis, prefix: "stalled, ")
    }

    /// The stall's steps due at `now`; progress logged ends the stall and with it the chain.
    public func stallDue(for e: Escalation, at now: Date) -> [Step] {
        stallSteps(for: e, at: now).filter { $0.at <= now }
    }

    /// The step the chain has reached at `now` (nil before the first), for the board: the stall's
    /// chain while stalled, else the acknowledge chain.
    public func reached(by e: Escalation, at now: Date) -> Step? {
        stallDue(for: e, at: now).last ?? due(for: e, at: now).last
    }

    /// The highest level reached at `now` (0 before the first), for the board.
    public func levelReached(by e: Escalation, at now: Date) -> Int { due(for: e, at: now).last?.level ?? 0 }

    /// The levels from `start`, each at its share of the time to `deadline`, then the repeats after the
    /// deadline (or the last level, if later).
    func walk(for e: Escalation, start: Date, deadline: Date, basis: TimeBasis, prefix: String) -> [Step] {
        let chain = policy.chain(for: e.category)
        var steps: [Step] = chain.levels.enumerated().map { i, level in
            Step(level: i + 1, recipient: level.recipient, names: names(level.recipient, team: e.team),
                 at: time(at: level.at, start: start, deadline: deadline, basis: basis),
                 label: "\(prefix)level \(i + 1) (\(level.recipient.text))")
        }
        if let last = chain.levels.last, chain.repeatTimes > 0, chain.repeatEveryHours > 0 {
            let from = steps.last.map { max($0.at, deadline) } ?? deadline
            for n in 1...chain.repeatTimes {
                steps.append(Step(level: chain.levels.count + n, recipient: last.recipient, names: names(last.recipient, team: e.team),
                                  at: from.addingTimeInterval(TimeInterval(n * chain.repeatEveryHours) * 3600),
                                  label: "\(prefix)repeat \(n) (\(last.recipient.text))"))
            }
        }
        return steps
    }

    /// The first moment at which `share` of the target between `start` and `deadline` is used,
    /// counted in `basis` (business hours stop at night): to the second.
    func time(at share: Double, start: Date, deadline: Date, basis: TimeBasis) -> Date {
        guard share > 0 else { return start }
        guard share < 1 else { return deadline }
        let calendar = policy.calendar
        let total = BusinessTime.elapsed(from: start, to: deadline, basis: basis, calendar: calendar)
        let wanted = total * share
        var low = start.timeIntervalSince1970, high = deadline.timeIntervalSince1970
        while high - low > 0.5 {
            let mid = (low + high) / 2
            if BusinessTime.elapsed(from: start, to: Date(timeIntervalSince1970: mid), basis: basis, calendar: calendar) >= wanted { high = mid } else { low = mid }
        }
        // The whole second at which the share is reached (a millisecond's slack for floating point).
        let second = high.rounded(.down)
        let reached = BusinessTime.elapsed(from: start, to: Date(timeIntervalSince1970: second), basis: basis, calendar: calendar) >= wanted - 0.001
        return Date(timeIntervalSince1970: reached ? second : second + 1)
    }

    /// A recipient as the roster knows them: the one lookup into teams, kept small.
    func names(_ r: EscalationChain.Recipient, team: String) -> String {
        func describe(_ id: String) -> String {
            guard let t = policy.teams[id] else { return id }
            return [t.name, t.lead.isEmpty ? nil : "lead \(t.lead)", t.channel.isEmpty ? nil : t.channel].compactMap { $0 }.joined(separator: ", ")
        }
        switch r {
        case .contact:
            let t = policy.teams[team]
            return t.map { $0.channel.isEmpty ? $0.name : "\($0.name) (\($0.channel))" } ?? team
        case .lead:
            let t = policy.teams[team]
            return t.map { $0.lead.isEmpty ? "\($0.name) lead (none named)" : $0.lead } ?? team
        case .team(let id): return describe(id)
        case .person(let name): return name
        }
    }
}
