import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation

/// Sends the notifications that come from the clock rather than from a change — stalled, breach
/// warnings — each exactly once; meant for cron (e.g. every five minutes).
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Send stalled and breach-warning notifications that are due (for cron); each goes out once.",
        discussion: "What was sent is recorded in notified.log in the store, so running it often is safe. With --dry-run it lists what it would send."
    )

    @Flag(name: .customLong("dry-run"), help: "List what would be sent; send and record nothing.") var dryRun = false
    @Flag(help: "Print JSON: an array of {kind, id, account, sent} (sent is false with --dry-run).") var json = false
    @OptionGroup var storeOptions: StoreOptions

    /// One notification as `--json` prints it.
    struct Output: EveryKeyEncodable {
        var kind: String
        var id: String
        var account: String
        var sent: Bool
    }

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let record = NotificationRecord(directory: session.store.directory)
            // A dry run only reads: no lock, nothing created, so it works on a read-only store.
            if dryRun { return try send(session, already: try record.keys(), record: nil) }
            try record.withLock(timeout: session.store.lockTimeout, actor: session.context.actor) {
                try send(session, already: try record.keys(), record: record)
            }
        }
    }

    /// Prints (and, given the record to keep, sends and records) every notification due that was not sent yet.
    private func send(_ session: Session, already: Set<String>, record: NotificationRecord?) throws {
        var already = already
        var count = 0
        var printed: [Output] = []
        for e in session.store.ledger.escalations.values.sorted(by: { $0.id < $1.id }) where e.isOpen {
            for (kind, key) in Self.due(e, at: session.now, policy: session.policy) where !already.contains(key) {
                count += 1
                if json {
                    printed.append(Output(kind: kind.rawValue, id: e.id.description, account: e.account.name, sent: record != nil))
                } else {
                    print("\(kind.rawValue) \(e.id) \(safe(e.account.name))")
                }
                guard let record else { continue }
                Hooks(policy: session.policy, store: session.store).deliver(kind, for: e, at: session.now)
                do { try record.record(key) } catch {
                    throw Failure(.storeUnreadable, "\(kind.rawValue) for \(e.id) was sent, but could not be recorded, so the next run sends it again: \(error)")
                }
                already.insert(key)
            }
        }
        if json { try JSONOutput.print(printed) } else if count == 0 { print("Nothing to send.") }
    }

    /// The clock notifications due for `e`, each with the key that makes it happen once.
    static func due(_ e: Escalation, at now: Date, policy: Policy) -> [(NotificationKind, String)] {
        let clocks = Clocks(policy: policy)
        var out: [(NotificationKind, String)] = []
        if let since = clocks.stallStart(of: e, at: now) {
            out.append((.stalled, "\(e.id)|stalled|\(ISOTime.format(since))"))
        }
        for r in clocks.read(e, at: now) where r.isLive && r.kind != .stall {
            if let warning = r.warning {
                out.append((.breachWarning, "\(e.id)|\(r.kind.rawValue)|\(Int(warning * 100))|\(ISOTime.format(r.deadline))"))
            }
        }
        return out
    }
}
