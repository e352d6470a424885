import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// Sends the notifications that come from the clock rather than from a change — stalled, breach
/// warnings — each exactly once; meant for cron (e.g. every five minutes).
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Send stalled and breach-warning notifications that are due (for cron); each goes out once.",
        discussion: "What was sent is recorded in the store (notified.log in a directory, a table with a unique key in PostgreSQL), so running it often is safe, from one host or several. It also delivers what waits in the outbox: failed deliveries due for another try, and notifications of changes whose process died before delivering them. With --dry-run it lists what it would send."
    )

    @Flag(name: .customLong("dry-run"), help: "List what would be sent; send and record nothing.") var dryRun = false
    @Flag(help: "Print JSON: an array of {kind, id, account, level, sent} (sent is false with --dry-run).") var json = false
    @OptionGroup var storeOptions: StoreOptions

    /// One notification as `--json` prints it.
    struct Output: EveryKeyEncodable {
        var kind: String
        var id: String
        var account: String
        /// For `reescalated`: the chain's level and who it tells.
        var level: String?
        var sent: Bool
    }

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let record = session.store.notificationRecord
            // A dry run only reads: no lock, nothing created, so it works on a read-only store.
            if dryRun { return _ = try send(session, already: try record.keys(), record: nil) }
            let queued = try record.withLock(timeout: session.store.lockTimeout, actor: session.context.actor) {
                try send(session, already: try record.keys(), record: record)
            }
            // Outside the senders' lock: delivering may take a hook's timeout, and what was queued is safe.
            let hooks = Hooks(policy: session.policy, store: session.store)
            let summary = hooks.deliverDue(at: session.now, wait: session.store.lockTimeout)
            // Beyond one line per notification sent: retries, catch-ups and failures (on standard error under --json).
            let say: (String) -> Void = json ? { FileHandle.standardError.write(Data("escalator: \($0)\n".utf8)) } : { print($0) }
            if let holder = summary.busy {
                say("Another process is delivering the outbox (\(safe(holder))); it delivers what is due.")
            } else if summary.failed > 0 || summary.delivered != queued {
                say("Outbox: \(summary.delivered) delivered, \(summary.failed) failed (`escalator outbox` lists them).")
            }
        }
    }

    /// Prints (and, given the record to keep, queues in the outbox and records) every notification due that was not sent yet.
    /// Returns how many deliveries it queued.
    private func send(_ session: Session, already: Set<String>, record: (any NotificationRecording)?) throws -> Int {
        var already = already
        var count = 0
        var queued = 0
        let hooks = Hooks(policy: session.policy, store: session.store)
        var printed: [Output] = []
        for e in session.store.ledger.escalations.values.sorted(by: { $0.id < $1.id }) where e.isOpen {
            for (kind, key, level) in Self.due(e, at: session.now, policy: session.policy) where !already.contains(key) {
                if let record {
                    // Queued and recorded together (see `NotificationRecording.record`); when another
                    // sender recorded it first, that one sent it and this run says nothing of it.
                    let deliveries = hooks.deliveries(kind, for: e, key: key, sequence: nil, level: level, at: session.now)
                    do {
                        guard try record.record(key, queueing: deliveries.map { .queued($0) }) else { continue }
                        queued += deliveries.count
                    } catch .queueing(let error) {
                        throw Failure(error.exitKind, "\(kind.rawValue) for \(e.id) could not be written to the outbox, so it was not sent: \(error)")
                    } catch .recording(let error) {
                        throw Failure(error.exitKind, "\(kind.rawValue) for \(e.id) was queued, but could not be recorded, so the next run queues it again: \(error)")
                    }
                }
                count += 1
                if json {
                    printed.append(Output(kind: kind.rawValue, id: e.id.description, account: e.account.name, level: level, sent: record != nil))
                } else {
                    print("\(kind.rawValue) \(e.id) \(safe(e.account.name))" + (level.map { " → \(safe($0))" } ?? ""))
                }
                already.insert(key)
            }
        }
        if json { try JSONOutput.print(printed) } else if count == 0 { print("Nothing to send.") }
        return queued
    }

    /// The clock notifications due for `e`, each with the key that makes it happen once (and, for
    /// the escalation chain, the level it tells).
    static func due(_ e: Escalation, at now: Date, policy: Policy) -> [(NotificationKind, String, String?)] {
        let clocks = Clocks(policy: policy)
        var out: [(NotificationKind, String, String?)] = []
        if let since = clocks.stallStart(of: e, at: now) {
            out.append((.stalled, "\(e.id)|stalled|\(ISOTime.format(since))", nil))
            // The stall re-escalates along the same chain; its level at 0 % is the stalled notification above.
            for step in ChainSchedule(policy: policy).stallDue(for: e, at: now) where step.at > since {
                out.append((.reescalated, "\(e.id)|stall-chain|\(step.level)|\(ISOTime.format(since))", "\(step.label): \(step.names)"))
            }
        }
        for r in clocks.read(e, at: now) where r.isLive && r.kind != .stall {
            if let warning = r.warning {
                out.append((.breachWarning, "\(e.id)|\(r.kind.rawValue)|\(Int(warning * 100))|\(ISOTime.format(r.deadline))", nil))
            }
        }
        // A level at 0 % is the routing itself, which the routed notification tells.
        if let ack = clocks.read(.acknowledge, of: e, at: now) {
            for step in ChainSchedule(policy: policy).due(for: e, at: now) where step.at > ack.start {
                out.append((.reescalated, "\(e.id)|chain|\(step.level)|\(ISOTime.format(ack.start))", "\(step.label): \(step.names)"))
            }
        }
        return out
    }
}
