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
            let sent = SentNotifications(directory: session.store.directory)
            try sent.withLock {
                var already = sent.keys()
                var count = 0
                var printed: [Output] = []
                for e in session.store.ledger.escalations.values.sorted(by: { $0.id < $1.id }) where e.isOpen {
                    for (kind, key) in Self.due(e, at: session.now, policy: session.policy) where !already.contains(key) {
                        count += 1
                        if json {
                            printed.append(Output(kind: kind.rawValue, id: e.id.description, account: e.account.name, sent: !dryRun))
                        } else {
                            print("\(kind.rawValue) \(e.id) \(safe(e.account.name))")
                        }
                        guard !dryRun else { continue }
                        Hooks(policy: session.policy, store: session.store).deliver(kind, for: e, at: session.now)
                        sent.record(key)
                        already.insert(key)
                    }
                }
                if json { try JSONOutput.print(printed) } else if count == 0 { print("Nothing to send.") }
            }
        }
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

/// `notified.log` in the store: one key per notification sent, under its own lock so that two
/// cron runs never send the same thing twice and writers of the journal are never held up.
struct SentNotifications {
    let directory: URL
    var path: String { directory.appendingPathComponent("notified.log").path }

    func withLock(_ body: () throws -> Void) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND, 0o640)
        guard fd >= 0 else { throw Failure(.storeUnreadable, "Cannot open \(path): \(String(cString: strerror(errno))).") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw Failure(.storeBusy, "Cannot lock \(path).") }
        defer { flock(fd, LOCK_UN) }
        try body()
    }

    func keys() -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    func record(_ key: String) {
        let fd = open(path, O_WRONLY | O_APPEND)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((key + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
    }
}
