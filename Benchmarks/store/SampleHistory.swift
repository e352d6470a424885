import EscalationKit
import Foundation

/// A deterministic generator of plausible escalation histories for benchmarks: creation with a
/// full brief, acknowledgement, start, notes, customer updates, and for closed ones resolve and close.
struct SampleHistory {
    var total: Int
    var open: Int
    /// The newest event's time; closed escalations end well before it.
    var end: Date
    private var random = SeededRandom(seed: 42)

    init(total: Int, open: Int, end: Date) {
        self.total = total
        self.open = open
        self.end = end
    }

    /// The events of escalation `index` (0-based), in order, with ids numbered per year.
    mutating func events(for index: Int) -> [Event] {
        let isOpen = index >= total - open
        let ageDays = isOpen ? Double(random.next(30)) + 1 : 20 + Double(random.next(3 * 365))
        let start = end.addingTimeInterval(-ageDays * 86_400)
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: start).year!
        let id = EscalationID(year: year, number: index + 1)
        let actors = ["alice", "bob", "carol", "dave", "erin"]
        let actor = actors[index % actors.count]
        var t = start
        var revision = 0
        var events: [Event] = []
        func add(_ change: Change, after hours: Double) {
            t = t.addingTimeInterval(hours * 3600)
            events.append(Event(time: t, actor: actor, escalation: id, expectedRevision: revision, change: change))
            revision += 1
        }
        add(.created(draft(index)), after: 0)
        add(.acknowledged(owner: actors[(index + 1) % actors.count]), after: 1)
        add(.started, after: 2)
        for n in 0..<(isOpen ? 2 : 3) {
            add(.progressNoted(note: "Checked the export job logs, run \(n + 1): rows dropped after the 10k boundary.", endedStall: nil), after: 6)
        }
        add(.customerUpdated(note: "Shared the workaround (smaller batches) and the next update time."), after: 3)
        if !isOpen {
            add(.customerUpdated(note: "Confirmed the fix is deployed; asked the customer to verify."), after: 20)
            add(.resolved(resolution: "Pagination bug fixed in release 4.2.1; backfill done."), after: 4)
            add(.closed, after: 24)
        }
        return events
    }

    private mutating func draft(_ index: Int) -> Draft {
        let categories: [Category] = [.productDefect, .serviceFailure, .featureGap, .commercialDispute]
        let severities: [Severity] = [.critical, .high, .medium]
        var brief = Brief()
        brief.impact = "Nightly exports miss about 3% of rows for 40 users; finance reconciles by hand (2 h a day)."
        brief.description = "Since the 4.2 upgrade the CSV export stops after 10,000 rows without an error. Smaller exports are complete. The customer's month-end close is in 9 days."
        brief.attempts = [Attempt(step: "Re-ran the export", result: "Same truncation")]
        brief.ask = Ask(kind: .fix, text: "Fix the export pagination before month-end close.")
        return Draft(title: "Export truncates at 10k rows (#\(index))",
                     account: Account(name: "Account \(index % 997)", arr: Money(20_000 + Int(random.next(500)) * 1_000)),
                     category: categories[index % categories.count], severity: severities[index % severities.count],
                     team: "engineering", brief: brief, sentiment: .concerned)
    }
}

extension SeededRandom {
    /// A number below `bound`.
    mutating func next(_ bound: UInt64) -> UInt64 { next() % bound }
}
