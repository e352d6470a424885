import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Configuration
import Invocation
import PostgresStore

/// The `--store` option every command that reads or writes escalations takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store: a directory, or a postgresql:// URI (default: $ESCALATOR_STORE, then ~/.local/share/escalator).", valueName: "dir|uri"))
    var store: String?

    var directory: URL { StoreLocation.resolve(explicit: store) }
}

/// One command's view of the world: the store, the routing rules, who is acting and when "now" is.
struct Session {
    /// A JSON directory or a PostgreSQL database, as `--store` names it.
    let store: any EscalationStoring
    let policy: Policy
    let context: Context
    let console = Console.standard

    var now: Date { context.now }
    var clocks: Clocks { Clocks(policy: policy) }

    /// Opens an existing store; a missing one is an error that says how to make one. A command about
    /// one escalation names it as `focus`, so only that escalation is read (see `Store.open(at:policy:focus:)`).
    static func open(_ options: StoreOptions, focus: String? = nil) throws -> Session {
        try open(store: options.store, focus: focus)
    }

    /// Opens the store `--store` names (nil: `$ESCALATOR_STORE`, then the default directory).
    static func open(store named: String?, focus: String? = nil) throws -> Session {
        let context = try Context.fromEnvironment()
        let ids = focus.flatMap(EscalationID.init).map { Set([$0]) }
        let store: any EscalationStoring
        let policy: Policy
        if let name = try StoreOptions.postgres(named) {
            policy = try StoreOptions.postgresPolicy()
            store = try PostgresStore.open(name, policy: policy, focus: ids)
        } else {
            let directory = StoreLocation.resolve(explicit: named)
            policy = try loadPolicy(for: directory)
            store = try openDirectory(directory, policy: policy, focus: ids)
        }
        applyLockTimeout(store)
        keepUntilExit(store)
        return Session(store: store, policy: policy, context: context)
    }

    private static func openDirectory(_ directory: URL, policy: Policy, focus: Set<EscalationID>?) throws -> Store {
        do {
            if let focus { return try Store.open(at: directory, policy: policy, focus: focus) }
            return try Store.open(at: directory, policy: policy)
        } catch .notFound {
            throw Failure(.storeUnreadable, "There is no store at \(directory.path). Create one with `escalator init` (or `escalator demo` for sample data).")
        }
    }

    /// Opens the store, creating it when it does not exist yet (a directory only: a database's
    /// store is made by `escalator init --store URI`, which says what it created).
    static func openOrCreate(_ options: StoreOptions) throws -> Session {
        if try options.postgres() != nil { return try open(options) }
        let context = try Context.fromEnvironment()
        let directory = options.directory
        let policy = try loadPolicy(for: directory)
        let store = try Store.openOrCreate(at: directory, policy: policy)
        applyLockTimeout(store)
        return Session(store: store, policy: policy, context: context)
    }

    /// The JSON directory store, for what only it has (its board, its files); a PostgreSQL store
    /// is refused naming `what`.
    func directoryStore(for what: String) throws -> Store {
        guard let store = store as? Store else {
            throw Failure.usage("\(what) needs a store directory; \(store.storeName) is a PostgreSQL store.")
        }
        return store
    }

    /// Stores opened by this process, never freed: a ledger of thousands of escalations takes tens of
    /// milliseconds to free one object at a time after the output is written, which the end of the
    /// process does at once (about 4 % of `list` at 100,000, measured with `perf`).
    nonisolated(unsafe) private static var openStores: [any EscalationStoring] = []

    private static func keepUntilExit(_ store: any EscalationStoring) { openStores.append(store) }

    /// `ESCALATOR_LOCK_TIMEOUT` (seconds) bounds how long a write waits for another writer (default 5 s),
    /// on either store; `ESCALATOR_COMPACTION_THRESHOLD` (bytes) is the journal size past which a
    /// directory store's write compacts.
    static func applyLockTimeout(_ store: any EscalationStoring) {
        let environment = ProcessEnvironment.variables
        if let text = environment["ESCALATOR_LOCK_TIMEOUT"], let seconds = Double(text), seconds >= 0, seconds < 3600 {
            store.lockTimeout = .milliseconds(Int(seconds * 1000))
        }
        if let store = store as? Store, let text = environment["ESCALATOR_COMPACTION_THRESHOLD"], let bytes = Int(text), bytes >= 0 {
            store.compactionThreshold = bytes
        }
    }

    /// A committed write whose compaction failed says so on standard error; it still succeeded.
    static func mentionPostponedCompaction(_ store: any EscalationStoring) {
        guard let store = store as? Store, let error = store.postponedCompaction else { return }
        FileHandle.standardError.write(Data(("escalator: " + SafeText.neutralized(Self.postponedText(error), singleLine: false) + "\n").utf8))
    }

    /// The one sentence for a compaction that failed after its write was committed.
    static func postponedText(_ error: StoreError) -> String { "saved; compaction postponed: \(error.description)" }

    /// The routing rules of the store `options` name: for a directory `$ESCALATOR_CONFIG`, else
    /// `escalator.toml` in it, else the defaults; for a PostgreSQL store `$ESCALATOR_CONFIG`, else the defaults.
    static func loadPolicy(_ options: StoreOptions) throws -> Policy {
        if try options.postgres() != nil { return try StoreOptions.postgresPolicy() }
        return try loadPolicy(for: options.directory)
    }

    /// The routing rules: `$ESCALATOR_CONFIG`, else `escalator.toml` in the store, else the defaults.
    static func loadPolicy(for directory: URL) throws -> Policy {
        do {
            return try PolicyFile.policy(storeDirectory: directory, environment: ProcessEnvironment.variables)
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
