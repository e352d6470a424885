import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Configuration
import Invocation

/// The `--store` option every command that reads or writes escalations takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $ESCALATOR_STORE, then ~/.local/share/escalator).", valueName: "dir"))
    var store: String?

    var directory: URL { StoreLocation.resolve(explicit: store) }
}

/// One command's view of the world: the store, the routing rules, who is acting and when "now" is.
struct Session {
    let store: Store
    let policy: Policy
    let context: Context
    let console = Console.standard

    var now: Date { context.now }
    var clocks: Clocks { Clocks(policy: policy) }

    /// Opens an existing store; a missing one is an error that says how to make one. A command about
    /// one escalation names it as `focus`, so only that escalation is read (see `Store.open(at:policy:focus:)`).
    static func open(_ options: StoreOptions, focus: String? = nil) throws -> Session {
        let context = try Context.fromEnvironment()
        let directory = options.directory
        let policy = try loadPolicy(for: directory)
        do {
            let store: Store
            if let focus, let id = EscalationID(focus) {
                store = try Store.open(at: directory, policy: policy, focus: [id])
            } else {
                store = try Store.open(at: directory, policy: policy)
            }
            applyLockTimeout(store)
            keepUntilExit(store)
            return Session(store: store, policy: policy, context: context)
        } catch .notFound {
            throw Failure(.storeUnreadable, "There is no store at \(directory.path). Create one with `escalator init` (or `escalator demo` for sample data).")
        }
    }

    /// Opens the store, creating it when it does not exist yet.
    static func openOrCreate(_ options: StoreOptions) throws -> Session {
        let context = try Context.fromEnvironment()
        let directory = options.directory
        let policy = try loadPolicy(for: directory)
        let store = try Store.openOrCreate(at: directory, policy: policy)
        applyLockTimeout(store)
        return Session(store: store, policy: policy, context: context)
    }

    /// Stores opened by this process, never freed: a ledger of thousands of escalations takes tens of
    /// milliseconds to free one object at a time after the output is written, which the end of the
    /// process does at once (about 4 % of `list` at 100,000, measured with `perf`).
    nonisolated(unsafe) private static var openStores: [Store] = []

    private static func keepUntilExit(_ store: Store) { openStores.append(store) }

    /// `ESCALATOR_LOCK_TIMEOUT` (seconds) bounds how long a write waits for another writer (default 5 s);
    /// `ESCALATOR_COMPACTION_THRESHOLD` (bytes) is the journal size past which a write compacts.
    static func applyLockTimeout(_ store: Store) {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["ESCALATOR_LOCK_TIMEOUT"], let seconds = Double(text), seconds >= 0, seconds < 3600 {
            store.lockTimeout = .milliseconds(Int(seconds * 1000))
        }
        if let text = environment["ESCALATOR_COMPACTION_THRESHOLD"], let bytes = Int(text), bytes >= 0 {
            store.compactionThreshold = bytes
        }
    }

    /// A committed write whose compaction failed says so on standard error; it still succeeded.
    static func mentionPostponedCompaction(_ store: Store) {
        guard let error = store.postponedCompaction else { return }
        FileHandle.standardError.write(Data(("escalator: " + SafeText.neutralized(Self.postponedText(error), singleLine: false) + "\n").utf8))
    }

    /// The one sentence for a compaction that failed after its write was committed.
    static func postponedText(_ error: StoreError) -> String { "saved; compaction postponed: \(error.description)" }

    /// The routing rules: `$ESCALATOR_CONFIG`, else `escalator.toml` in the store, else the defaults.
    static func loadPolicy(for directory: URL) throws -> Policy {
        do {
            return try PolicyFile.policy(storeDirectory: directory, environment: ProcessInfo.processInfo.environment)
        } catch where error.untrusted {
            throw Failure(.storeUnreadable, error.description)
        } catch {
            throw Failure(.badInput, "The configuration is not valid; nothing was changed.\n\(error)")
        }
    }

    /// Parses an id the user typed and finds the escalation, in the archive too.
    func escalation(_ text: String) throws -> Escalation {
        guard let id = EscalationID(text) else {
            throw Failure.badInput("\"\(safe(text))\" is not an escalation id; ids look like ESC-2026-0042.")
        }
        if let e = store.ledger[id] { return e }
        // The archive summary says where its line is: only that line is decoded.
        if let e = try store.archivedEscalation(id) { return e }
        throw Failure.badInput("There is no escalation \(id). `escalator list --all` shows every id.")
    }

    /// Commits one command through the store's write protocol and runs the notification hooks.
    @discardableResult
    func commit(_ command: Command, on idText: String?) throws -> Event {
        try commit([command], on: idText)[0]
    }

    /// Commits several commands about one escalation all or nothing, then queues each change's
    /// notifications in the outbox and delivers what is due.
    @discardableResult
    func commit(_ commands: [Command], on idText: String?) throws -> [Event] {
        var id: EscalationID?
        if let idText {
            guard let parsed = EscalationID(idText) else {
                throw Failure.badInput("\"\(safe(idText))\" is not an escalation id; ids look like ESC-2026-0042.")
            }
            guard store.ledger[parsed] != nil else {
                if (try? store.isArchived(parsed)) == true {
                    throw Failure.badInput("\(parsed) is closed and archived; `escalator reopen \(parsed) --reason …` opens a new, linked escalation.")
                }
                throw Failure.badInput("There is no escalation \(parsed). `escalator list` shows the open ones.")
            }
            id = parsed
        }
        let hooks = Hooks(policy: policy, store: store)
        hooks.prepare()
        let events = try store.commit(commands, on: id, context: context)
        Self.mentionPostponedCompaction(store)
        hooks.notify(after: events, at: now)
        return events
    }
}
