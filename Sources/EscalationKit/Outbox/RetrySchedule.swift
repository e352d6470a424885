import Foundation

/// When a failed delivery is tried again: after `first`, then twice as long each time (at most
/// `cap` between tries), for `window` after it was queued (or retried by hand); then it is dead.
public struct RetrySchedule: Hashable, Sendable {
    public var first: TimeInterval
    public var cap: TimeInterval
    public var window: TimeInterval

    public init(first: TimeInterval = 60, cap: TimeInterval = 3600, window: TimeInterval = 24 * 3600) {
        self.first = first
        self.cap = cap
        self.window = window
    }

    /// The schedule the routing rules configure (`[hooks] retry_hours`).
    public init(policy: Policy) { self.init(window: TimeInterval(policy.hookRetryHours) * 3600) }

    /// The wait after the `failures`-th failure in a row (1, 2, …).
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return 0 }
        return min(first * pow(2, Double(min(failures - 1, 40))), cap)
    }
}

/// Where a delivery stands.
public enum DeliveryStatus: String, Codable, Sendable, CaseIterable {
    /// Not tried yet.
    case pending
    /// Tried and failed; tried again at `OutboxEntry.nextAttempt`.
    case failed
    /// Failed for longer than the retry window: no more automatic tries (`outbox retry` revives it).
    case dead
    case delivered
}

/// A delivery with what became of it.
public struct OutboxEntry: Hashable, Sendable {
    public struct Attempt: Hashable, Sendable {
        public var at: Date
        public var failure: String?
    }

    public var delivery: OutboxDelivery
    public var attempts: [Attempt] = []
    /// The last manual retry: the schedule starts over from it.
    public var retried: Date?

    /// When the current round of tries began.
    public var roundStart: Date { max(delivery.queued, retried ?? delivery.queued) }

    /// Failures since the round began, after the last success (there is none unless delivered).
    var failuresThisRound: [Attempt] { attempts.filter { $0.at >= roundStart && $0.failure != nil } }

    public var lastFailure: String? { attempts.last(where: { $0.failure != nil })?.failure }

    public func status(_ schedule: RetrySchedule) -> DeliveryStatus {
        if attempts.contains(where: { $0.failure == nil }) { return .delivered }
        let failures = failuresThisRound
        guard let last = failures.last else { return .pending }
        let next = last.at.addingTimeInterval(schedule.delay(afterFailures: failures.count))
        return next > roundStart.addingTimeInterval(schedule.window) ? .dead : .failed
    }

    /// When it is tried next (nil when delivered or dead).
    public func nextAttempt(_ schedule: RetrySchedule) -> Date? {
        switch status(schedule) {
        case .delivered, .dead: return nil
        case .pending: return roundStart
        case .failed:
            let failures = failuresThisRound
            return failures.last!.at.addingTimeInterval(schedule.delay(afterFailures: failures.count))
        }
    }
}

/// The outbox as its records leave it, in the order deliveries were queued.
public struct OutboxState: Sendable {
    public private(set) var entries: [OutboxEntry] = []
    private var index: [String: Int] = [:]
    /// The catch-up's mark (nil before any).
    public private(set) var seen: Int?

    public init(_ records: some Sequence<OutboxRecord>) {
        for record in records { apply(record) }
    }

    public mutating func apply(_ record: OutboxRecord) {
        switch record {
        case .queued(let d):
            // Queued twice (a crash between queueing and recording the key): the first stays.
            guard index[d.id] == nil else { return }
            index[d.id] = entries.count
            entries.append(OutboxEntry(delivery: d))
        case .attempt(let id, let at, let failure):
            if let i = index[id] { entries[i].attempts.append(.init(at: at, failure: failure)) }
        case .retry(let id, let at):
            if let i = index[id] { entries[i].retried = at }
        case .seen(let sequence):
            seen = max(seen ?? sequence, sequence)
        }
    }

    public subscript(id: String) -> OutboxEntry? { index[id].map { entries[$0] } }

    public func contains(key: String, command: String) -> Bool { index[OutboxDelivery.id(key: key, command: command)] != nil }

    /// The deliveries to try at `now`, oldest first.
    public func due(at now: Date, _ schedule: RetrySchedule) -> [OutboxEntry] {
        // Stored times are rounded to the millisecond (half up): one queued a moment ago may read as just after now.
        let now = now.addingTimeInterval(0.001)
        return entries.filter { entry in entry.nextAttempt(schedule).map { $0 <= now } ?? false }
    }
}
