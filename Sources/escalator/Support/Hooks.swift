import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// Runs the configured hook commands after a change, through the store's outbox: each
/// notification is written to the store first, one delivery per hook command, and then delivered.
/// A hook receives the notification as JSON on standard input and in no other way: its command
/// line is exactly what the configuration says and its environment carries no escalation data.
/// A failure is reported on standard error and in the hooks log (`hooks.log` in a directory), never undoes the change, and is
/// tried again by the next command that delivers (see `RetrySchedule`). A store with no hooks
/// configured never gets an outbox.
struct Hooks: Sendable {
    let policy: Policy
    let store: any EscalationStoring
    /// Log failures to hooks.log only, not to standard error (the board owns the screen).
    var quiet = false

    var outbox: any Outbox { store.outbox }
    var schedule: RetrySchedule { RetrySchedule(policy: policy) }
    private var configured: Bool { policy.hooks.values.contains { !$0.isEmpty } }

    /// What one delivering pass did.
    struct Summary {
        var delivered = 0
        var failed = 0
        /// Another process was delivering (it takes what is due, ours included): its description.
        var busy: String?
    }

    /// Before a commit: an outbox used for the first time marks where its catch-up starts, so a
    /// process killed between this commit and its queueing is caught up by the next `notify`.
    func prepare() {
        guard configured, !outbox.exists else { return }
        report { () throws(StoreError) in try outbox.append([.seen(sequence: store.ledger.lastSequence)]) }
    }

    /// Queues the notifications `events` announce, then delivers what is due.
    func notify(after events: [Event], at now: Date) {
        queue(events, at: now)
        deliverDue(at: now)
    }

    /// Writes the deliveries for `events` to the outbox (nothing for changes nobody is told about).
    func queue(_ events: [Event], at now: Date) {
        let deliveries = events.flatMap { event -> [OutboxDelivery] in
            guard let kind = NotificationKind(change: event.change), let e = store.ledger[event.escalation] else { return [] }
            return self.deliveries(kind, for: e, key: Self.key(event, kind), sequence: event.sequence, at: now)
        }
        guard !deliveries.isEmpty else { return }
        report { () throws(StoreError) in try outbox.append(deliveries.map { .queued($0) }) }
    }

    /// The idempotency key of the notification an event announces.
    static func key(_ event: Event, _ kind: NotificationKind) -> String { "\(event.escalation)|\(event.sequence)|\(kind.rawValue)" }
    static func key(sequence: Int, escalation: EscalationID, _ kind: NotificationKind) -> String { "\(escalation)|\(sequence)|\(kind.rawValue)" }

    /// One delivery per hook command configured for `kind`, the payload carrying `key`.
    func deliveries(_ kind: NotificationKind, for e: Escalation, key: String, sequence: Int?, level: String? = nil, at now: Date) -> [OutboxDelivery] {
        guard let commands = policy.hooks[kind.rawValue], !commands.isEmpty else { return [] }
        var message = NotificationMessage(kind.defaultTemplate, kind: kind, for: e, at: now, policy: policy)
        if let level { message.name(level: level) }
        message.payload.idempotencyKey = key
        let payload = String(decoding: message.payloadJSON, as: UTF8.self)
        return commands.map {
            OutboxDelivery(key: key, kind: kind.rawValue, escalation: e.id.description, command: $0, payload: payload, queued: now, sequence: sequence)
        }
    }

    /// Delivers every delivery due at `now`, as the one deliverer (waiting at most `wait` for
    /// another; it then takes what is due). With the whole ledger read (`notify`), first queues the
    /// notifications of events that were committed but never queued (their process died in between).
    @discardableResult
    func deliverDue(at now: Date, wait: Duration = .milliseconds(300)) -> Summary {
        var summary = Summary()
        guard configured || outbox.exists else { return summary }
        do {
            try outbox.asDeliverer(timeout: wait, actor: Context.processLogin) {
                if store.focus == nil { try catchUp(at: now) }
                var tried: Set<String> = []
                // Again while others queued more during the pass: they left it to this deliverer.
                for _ in 0..<3 {
                    let due = try outbox.state().state.due(at: now, schedule).filter { !tried.contains($0.delivery.id) }
                    if due.isEmpty { break }
                    for entry in due {
                        tried.insert(entry.delivery.id)
                        if try attempt(entry.delivery, at: now) { summary.delivered += 1 } else { summary.failed += 1 }
                    }
                }
            }
        } catch StoreError.busy(let holder, _) {
            summary.busy = holder
        } catch {
            say("escalator: \(SafeText.neutralized("\(error)")); what is queued in the outbox is delivered by the next command.")
        }
        return summary
    }

    /// Tries one delivery and writes its outcome; true when the hook took it.
    func attempt(_ d: OutboxDelivery, at now: Date) throws(StoreError) -> Bool {
        let outcome = HookRun(command: d.command, timeout: TimeInterval(policy.hookTimeoutSeconds)).run(input: Data(d.payload.utf8))
        guard case .failed(let why) = outcome else {
            try outbox.append([.attempt(id: d.id, at: now, failure: nil)])
            return true
        }
        try outbox.append([.attempt(id: d.id, at: now, failure: why)])
        let entry = try outbox.state().state[d.id]
        let later = entry?.status(schedule) == .dead
            ? "it is dead now (`escalator outbox retry \(d.id)` tries again)"
            : "it is tried again later (`escalator outbox` lists it)"
        say("escalator: the \(d.kind) hook failed (\(why)); the change itself is saved, and \(later).")
        let line = "\(ISOTime.format(now)) \(d.kind) \(d.escalation) \(d.id) \(d.command): \(why)"
        do { try store.hookLog(limit: policy.hookLogLimitKilobytes * 1024).append(line) } catch {
            say("escalator: \(SafeText.neutralized(error.description)); the hook failure above is not in hooks.log.")
        }
        return false
    }

    /// Queues what events since the outbox's mark announce and nobody queued, within the retry
    /// window (older ones would be dead at once), then moves the mark to the ledger's last event.
    private func catchUp(at now: Date) throws(StoreError) {
        let (state, _) = try outbox.state()
        let last = store.ledger.lastSequence
        guard let mark = state.seen else {
            try outbox.append([.seen(sequence: last)])
            return
        }
        guard last > mark else { return }
        let oldest = now.addingTimeInterval(-schedule.window)
        var missing: [OutboxDelivery] = []
        for e in store.ledger.escalations.values where (e.history.last?.sequence ?? 0) > mark {
            for entry in e.history.reversed() {
                guard entry.sequence > mark else { break }
                guard entry.time >= oldest, let kind = NotificationKind(change: entry.change) else { continue }
                let key = Self.key(sequence: entry.sequence, escalation: e.id, kind)
                missing += deliveries(kind, for: e, key: key, sequence: entry.sequence, at: now)
                    .filter { !state.contains(key: $0.key, command: $0.command) }
            }
        }
        try outbox.append(missing.sorted { ($0.sequence ?? 0) < ($1.sequence ?? 0) }.map { .queued($0) } + [.seen(sequence: last)])
    }

    private func say(_ text: String) {
        if !quiet { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    private func report(_ body: () throws(StoreError) -> Void) {
        do { try body() } catch {
            say("escalator: the notification could not be written to the outbox: \(SafeText.neutralized("\(error)")); the change itself is saved.")
        }
    }
}
