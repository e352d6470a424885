import EscalationKit
import Foundation
import Invocation

/// What every Escalator store provides, whatever keeps it (a JSON directory, a PostgreSQL
/// database): the ledger, all-or-nothing commits through the domain's lifecycle, the archive, the
/// accounts, and a stream of other processes' changes. The command line and the board talk to this.
public protocol EscalationStoring: AnyObject, Sendable {
    /// How the store is named to people (a directory, or a URI without its password).
    associatedtype Address

    /// Opens an existing store: whole, or (a command about a few escalations) only `focus` and
    /// whatever is created since.
    static func open(_ address: Address, policy: Policy, focus: Set<EscalationID>?) throws(StoreError) -> Self

    /// The store's name for messages and `--json` output; never holds a password.
    var storeName: String { get }
    var policy: Policy { get }
    /// The open and recently closed escalations as of the last read or write.
    var ledger: Ledger { get }
    /// The escalations this store was opened for, or nil when it holds them all.
    var focus: Set<EscalationID>? { get }
    /// How long a write waits for another writer before failing with `.busy`.
    var lockTimeout: Duration { get set }

    /// Catches up with other processes' changes; returns the new events in order.
    @discardableResult
    func refresh() throws(StoreError) -> [Event]

    /// Commits commands about one escalation all or nothing, as `context.actor` at `context.now`:
    /// each is decided against the state the ones before it leave, and a refused one leaves nothing
    /// of the others. A command prepared against an older revision is refused naming who did what.
    @discardableResult
    func commit(_ commands: [Command], on id: EscalationID?, context: Context,
                whileWaiting: (String) -> Void) throws(StoreError) -> [Event]

    /// The closed escalation `id` when it is archived (not in `ledger`), else nil.
    func archivedEscalation(_ id: EscalationID) throws(StoreError) -> Escalation?
    /// True when `id` is archived and not back in the ledger.
    func isArchived(_ id: EscalationID) throws(StoreError) -> Bool
    /// What `list --all` shows of every archived escalation, oldest id first.
    func loadArchiveSummaries() throws(StoreError) -> [ArchivedSummary]
    /// Every archived escalation whole, not in `ledger` (the board's reports count them).
    func loadArchive() throws(StoreError) -> [Escalation]

    /// Appends prepared events (an import), all or nothing, numbered after the last one; they must
    /// replay onto the current state.
    @discardableResult
    func importEvents(_ events: [Event]) throws(StoreError) -> [Event]

    /// Every known account.
    func accounts() throws(StoreError) -> [Account]
    /// Adds or updates accounts (matched by name, ignoring case), all at once.
    @discardableResult
    func saveAccounts(_ accounts: [Account]) throws(StoreError) -> (added: Int, updated: Int)

    /// Where notifications wait for their hooks (see `Hooks`).
    var outbox: any Outbox { get }
    /// The once-only record of the clock's notifications (`notify`).
    var notificationRecord: any NotificationRecording { get }
    /// The log of failed hook deliveries, kept to about `limit` bytes (twice that at most).
    func hookLog(limit: Int) -> any HookLogging

    /// Follows other processes' changes until the returned follower is stopped: `onChange(events,
    /// reloaded)` runs on a background thread after `ledger` is up to date. `onError` hears what
    /// ends the stream for good. A store reached over a connection tells `onConnection` when the
    /// connection is lost (the stream then retries with backoff) and when it is back, after the
    /// changes made meanwhile were delivered through `onChange`; without `onConnection`, a loss
    /// goes to `onError`. A directory is never disconnected and never calls it.
    func followChanges(onChange: @escaping @Sendable ([Event], _ reloaded: Bool) -> Void,
                       onError: (@Sendable (StoreError) -> Void)?,
                       onConnection: (@Sendable (FollowedConnection) -> Void)?) throws(StoreError) -> any ChangeFollowing
}

/// What a change stream says about its connection to the store.
public enum FollowedConnection: Sendable {
    /// Lost, for this reason: nothing more is heard until it is restored.
    case lost(StoreError)
    /// Back, and caught up: every change made while it was lost has been delivered.
    case restored
}

/// A running change stream; `stop()` ends it and may be called twice.
public protocol ChangeFollowing: AnyObject, Sendable {
    func stop()
}

extension EscalationStoring {
    /// Follows changes without hearing about the connection (a loss is an error).
    public func followChanges(onChange: @escaping @Sendable ([Event], _ reloaded: Bool) -> Void,
                              onError: (@Sendable (StoreError) -> Void)?) throws(StoreError) -> any ChangeFollowing {
        try followChanges(onChange: onChange, onError: onError, onConnection: nil)
    }

    /// Commits one command.
    @discardableResult
    public func commit(_ command: Command, on id: EscalationID?, context: Context) throws(StoreError) -> Event {
        try commit([command], on: id, context: context, whileWaiting: { _ in })[0]
    }

    /// Commits commands about one escalation all or nothing, not told who holds the lock meanwhile.
    @discardableResult
    public func commit(_ commands: [Command], on id: EscalationID?, context: Context) throws(StoreError) -> [Event] {
        try commit(commands, on: id, context: context, whileWaiting: { _ in })
    }

    /// The account with this name (ignoring case and surrounding spaces), if known.
    public func account(named name: String) throws(StoreError) -> Account? {
        let key = Account.bookKey(name)
        return try accounts().first { Account.bookKey($0.name) == key }
    }
}

extension Account {
    /// The name as the account book matches it: ignoring case and surrounding spaces.
    public static func bookKey(_ name: String) -> String {
        name.trimmed.lowercased()
    }
}
