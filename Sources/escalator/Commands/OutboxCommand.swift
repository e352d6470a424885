import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation

/// The outbox: every notification written to the store before its hooks run, with what became of it.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List pending, failed and dead hook deliveries, or retry them.",
        discussion: "A failed delivery is tried again after 1 minute, then twice as long each time (at most an hour apart) for [hooks] retry_hours (24 by default), then marked dead. Any command that changes an escalation, and `notify`, delivers what is due.",
        subcommands: [List.self, Retry.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the deliveries not yet delivered.")
        @Flag(help: "Include delivered ones.") var all = false
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reporting {
                let session = try Session.open(storeOptions)
                let hooks = Hooks(policy: session.policy, store: session.store)
                let (state, damaged) = try hooks.outbox.state()
                let rows = state.entries.map { OutboxRow($0, hooks.schedule) }.filter { all || $0.status != .delivered }
                if json { return try JSONOutput.print(rows) }
                if damaged > 0 {
                    FileHandle.standardError.write(Data("escalator: \(damaged) damaged line\(damaged == 1 ? "" : "s") in outbox.log skipped.\n".utf8))
                }
                guard !rows.isEmpty else { return print(all ? "The outbox is empty." : "Nothing waits in the outbox.") }
                var table = Table([Table.Column(header: "ID"), Table.Column(header: "STATUS"), Table.Column(header: "KIND"),
                                   Table.Column(header: "ESCALATION"), Table.Column(header: "TRIES", align: .right), Table.Column(header: "NEXT"),
                                   Table.Column(header: "COMMAND", shrinks: true, minimum: 12), Table.Column(header: "LAST FAILURE", shrinks: true, minimum: 12)])
                for r in rows {
                    table.add([Table.Cell(r.id), Table.Cell(r.status.rawValue, r.status == .dead ? .red : nil), Table.Cell(safe(r.kind)),
                               Table.Cell(safe(r.escalationId)), Table.Cell(String(r.attempts)),
                               Table.Cell(r.nextAttempt.map { ShowCommand.local($0, session) } ?? "—"),
                               Table.Cell(safe(r.command)), Table.Cell(r.lastFailure.map(safe) ?? "")])
                }
                table.print(session.console)
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: "Try failed or dead deliveries again now.")
        @Argument(help: "Delivery ids (from `escalator outbox`).") var ids: [String] = []
        @Flag(help: "Every delivery not yet delivered.") var all = false
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard all != !ids.isEmpty else { throw ValidationError("Name delivery ids or --all, not both and not neither.") }
        }

        func run() throws {
            try reporting {
                let session = try Session.open(storeOptions)
                let hooks = Hooks(policy: session.policy, store: session.store)
                let (state, _) = try hooks.outbox.state()
                let chosen: [OutboxEntry]
                if all {
                    chosen = state.entries.filter { $0.status(hooks.schedule) != .delivered }
                } else {
                    chosen = try ids.map { id in
                        guard let entry = state[id] else {
                            throw Failure.badInput("There is no delivery \(safe(id)) in the outbox; nothing was retried. `escalator outbox` lists them.")
                        }
                        guard entry.status(hooks.schedule) != .delivered else {
                            throw Failure.badInput("\(id) was delivered already; nothing was retried.")
                        }
                        return entry
                    }
                }
                guard !chosen.isEmpty else { return print("Nothing to retry.") }
                try hooks.outbox.append(chosen.map { .retry(id: $0.delivery.id, at: session.now) })
                let summary = hooks.deliverDue(at: session.now, wait: session.store.lockTimeout)
                if let holder = summary.busy {
                    print("Queued \(chosen.count) for another try; another process is delivering (\(safe(holder))) and takes them.")
                } else {
                    print("Retried \(chosen.count): \(summary.delivered) delivered, \(summary.failed) failed.")
                }
            }
        }
    }
}

/// One delivery as `outbox --json` shows it.
struct OutboxRow: EveryKeyEncodable {
    let id: String
    let status: DeliveryStatus
    let kind: String
    let escalationId: String
    let command: String
    let idempotencyKey: String
    let queued: Date
    let attempts: Int
    let lastFailure: String?
    let nextAttempt: Date?

    init(_ entry: OutboxEntry, _ schedule: RetrySchedule) {
        id = entry.delivery.id
        status = entry.status(schedule)
        kind = entry.delivery.kind
        escalationId = entry.delivery.escalation
        command = entry.delivery.command
        idempotencyKey = entry.delivery.key
        queued = entry.delivery.queued
        attempts = entry.attempts.count
        lastFailure = status == .delivered ? nil : entry.lastFailure
        nextAttempt = entry.nextAttempt(schedule)
    }
}
