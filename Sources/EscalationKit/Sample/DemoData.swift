import Foundation

/// A realistic sample store as a list of events: escalations across every category, severity,
/// tier and status, each with a history of about ten events, most of them closed over the past
/// months (at most three years) as a real team's store looks. The same seed always gives the same events.
public enum DemoData {
    /// How far back closed escalations reach at most: three years.
    static let longestHistoryDays = 3 * 365.0

    /// Events for `count` escalations of which about `open` are still open at `now`, in journal order (sequence from 1).
    /// `progress` hears how many escalations have their stories written, every thousand or so.
    public static func events(count: Int, open: Int, seed: UInt64, now: Date, policy: Policy, progress: (Int) -> Void = { _ in }) -> [Event] {
        var rng = SeededRandom(seed: seed)
        let zone = policy.calendar.timeZone
        let accounts = DemoAccounts.make(using: &rng, renewalAround: CalendarDay(now, in: zone))
        // Logins, as owners and actors are stored; the roster (`DemoPeople`) gives their names.
        let people = DemoPeople.reporters.map(\.login)
        let owners = DemoPeople.owners.map(\.login)
        let openCount = min(open, count)
        // Closed escalations spread over the past (count / 3) days, at least 90 and at most three years
        // (a big store is a big company with many escalations a year, not a century of history);
        // open ones over the last 3 weeks.
        let historyDays = min(Self.longestHistoryDays, max(90.0, Double(count) / 3))
        var plans: [(start: Date, isOpen: Bool)] = []
        plans.reserveCapacity(count)
        for i in 0..<count {
            let isOpen = i < openCount
            let daysAgo = isOpen ? Double.random(in: 0.05...21, using: &rng) : Double.random(in: 3...historyDays, using: &rng)
            plans.append((now.addingTimeInterval(-daysAgo * 86400), isOpen))
        }
        plans.sort { $0.start < $1.start }

        // The events in story order, and their journal order sorted as small keys (moving whole
        // events through a sort of a million showed in the profile).
        var stories: [Event] = []
        stories.reserveCapacity(count * 11)
        var keys: [(time: Date, order: Int)] = []
        keys.reserveCapacity(count * 11)
        var numberByYear: [Int: Int] = [:]
        var order = 0
        for (index, plan) in plans.enumerated() {
            if index % 1024 == 0 { progress(index) }
            let year = CalendarDay(plan.start, in: zone).year
            let number = (numberByYear[year] ?? 0) + 1
            numberByYear[year] = number
            let id = EscalationID(year: year, number: number)
            let story = DemoStory(id: id, start: plan.start, isOpen: plan.isOpen, now: now, account: rng.pick(accounts),
                                  reporter: rng.pick(people), owner: rng.pick(owners), policy: policy)
            for event in story.events(using: &rng) {
                keys.append((event.time, order))
                stories.append(event)
                order += 1
            }
        }
        progress(count)
        keys.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        return keys.enumerated().map { index, key in
            var event = stories[key.order]
            event.sequence = index + 1
            return event
        }
    }
}
