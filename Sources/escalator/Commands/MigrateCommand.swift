import ArgumentParser
import EscalationKit
import EscalationStore
import Invocation
import Foundation
import PostgresStore

/// Copies a whole store into an empty one: a directory into PostgreSQL, and back.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a whole store into an empty one (a directory or a PostgreSQL store, either way).",
        discussion: """
        Every escalation with its whole history, the archive, the accounts and, between directories, the \
        notification record. Into PostgreSQL it is one transaction, run as the schema's owner: each event keeps \
        the login its source recorded (in original_login) while the database records the importer as its login. \
        A target that already holds escalations is refused. The counts are verified at the end.
        """
    )

    @Option(help: ArgumentHelp("The store to copy: a directory or a postgresql:// URI.", valueName: "store")) var from: String
    @Option(help: ArgumentHelp("The empty store to copy into: a directory (made if missing) or an initialised postgresql:// URI.", valueName: "store"))
    var to: String

    func run() throws {
        try reporting {
            let source = try StoreAddress(from)
            let target = try StoreAddress(to)
            if case .directory(let a) = source, case .directory(let b) = target, a.path == b.path {
                throw Failure.usage("--from and --to name the same store.")
            }
            if case .postgres(let a) = source, case .postgres(let b) = target, a.description == b.description {
                throw Failure.usage("--from and --to name the same store.")
            }
            try refuseUnlessEmpty(target)
            let whole = try WholeStore.read(source)
            let copying = ProgressBar(total: whole.events.count, label: "copying")
            var keysCopied = 0
            switch target {
            case .postgres(let name):
                let store = try PostgresStore.open(name, policy: try StoreOptions.postgresPolicy(), focus: [])
                try store.load(trail: whole.events, accounts: whole.accounts, keepingLogins: true, progress: copying.update)
            case .directory(let directory):
                let store = try Store.openOrCreate(at: directory, policy: try Session.loadPolicy(for: directory))
                try store.commitBatch(whole.events, compacting: true, keepingLogins: true) { done in
                    copying.update(done)
                    if done == whole.events.count { copying.finishing("compacting") }
                }
                Session.mentionPostponedCompaction(store)
                if !whole.accounts.isEmpty { try store.saveAccounts(whole.accounts) }
                if let keys = whole.notificationKeys, !keys.isEmpty {
                    let record = NotificationRecord(directory: directory)
                    try record.withLock(timeout: store.lockTimeout, actor: Context.processLogin) {
                        for key in keys.sorted() { try record.record(key) }
                    }
                    keysCopied = keys.count
                }
            }
            copying.finish()
            let found = try WholeStore.counts(target)
            let expected = LoadedTrail(events: whole.events.count, escalations: whole.escalations, accounts: whole.accountKeys)
            guard found == expected else {
                throw Failure(.storeUnreadable, "The copy in \(target) does not match its source: it holds \(describe(found)), the source \(describe(expected)). The copy was committed; check it with `escalator doctor`.")
            }
            var copied = "Copied \(describe(found))"
            if keysCopied > 0 { copied += " and \(keysCopied) notification record entr\(keysCopied == 1 ? "y" : "ies")" }
            print("\(copied) from \(source) to \(target); the counts match.")
            if case .postgres = target, let keys = whole.notificationKeys, !keys.isEmpty {
                print("Not copied: the notification record (\(keys.count) entr\(keys.count == 1 ? "y" : "ies")); this PostgreSQL store keeps none yet, so `notify` may send those again.")
            }
        }
    }

    /// Refuses a target that holds any escalation, before anything is read or made.
    private func refuseUnlessEmpty(_ target: StoreAddress) throws {
        let refusal = "The store \(target) already holds escalations; migrate copies only into an empty store. Nothing was changed."
        switch target {
        case .postgres(let name):
            let store = try PostgresStore.open(name, policy: try StoreOptions.postgresPolicy(), focus: [])
            if try store.counts().events > 0 { throw Failure.badInput(refusal) }
        case .directory(let directory):
            guard FileManager.default.fileExists(atPath: directory.path) else { return }
            let policy = try Session.loadPolicy(for: directory)
            let store: Store
            do throws(StoreError) { store = try Store.open(at: directory, policy: policy) } catch .notFound {
                return
            } catch {
                throw error
            }
            if try store.ledger.lastSequence > 0 || !store.loadArchive().isEmpty { throw Failure.badInput(refusal) }
        }
    }

    private func describe(_ counts: LoadedTrail) -> String {
        "\(counts.escalations) escalation\(counts.escalations == 1 ? "" : "s") (\(counts.events) event\(counts.events == 1 ? "" : "s")) and \(counts.accounts) account\(counts.accounts == 1 ? "" : "s")"
    }
}
