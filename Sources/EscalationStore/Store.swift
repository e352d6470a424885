#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation
import Invocation

/// The embedded JSON store: a snapshot plus an append-only journal in one directory, shared safely
/// by any number of processes (see design.md, "The store").
///
/// One per process is enough. It is thread-safe: every method takes an internal lock, so a
/// `StoreWatcher` may refresh it from its thread while the main thread reads `ledger`.
public final class Store: @unchecked Sendable {
    /// The store's directory.
    public let directory: URL
    public let policy: Policy
    /// How long a writer waits for another process's lock before failing with `.busy`.
    public var lockTimeout: Duration {
        get { mutex.withLock { _lockTimeout } }
        set { mutex.withLock { _lockTimeout = newValue } }
    }
    /// Journal size in bytes past which a commit compacts (new snapshot, empty journal, archive).
    public var compactionThreshold: Int {
        get { mutex.withLock { _compactionThreshold } }
        set { mutex.withLock { _compactionThreshold = newValue } }
    }

    /// Why the last commit's compaction failed, or nil (it succeeded or was not due). The commit itself
    /// was written and synced before the compaction began: it stands, and a later write retries.
    public var postponedCompaction: StoreError? { mutex.withLock { _postponedCompaction } }

    /// The open and recently closed escalations as of the last read or write (only the focused
    /// ones, and any created since, when the store was opened with a focus).
    public var ledger: Ledger { mutex.withLock { state } }

    /// The escalations this store was opened for, or nil when it holds them all.
    public var focus: Set<EscalationID>? { mutex.withLock { focused } }

    let layout: StoreLayout
    let mutex = NSLock()
    var state: Ledger
    var position: JournalPosition
    var _lockTimeout: Duration = .seconds(5)
    var _compactionThreshold = 4 << 20
    var _postponedCompaction: StoreError?
    /// The largest archive whose missing summary a compaction rebuilds under the lock (bigger ones: `doctor --repair`).
    var summaryRebuildLimit = 16 << 20
    /// Set by a focused open; cleared when a compaction had to read the whole store.
    var focused: Set<EscalationID>?
    private var writeLock: StoreLock?

    init(directory: URL, policy: Policy, loaded: LoadedStore, focus: Set<EscalationID>? = nil) {
        self.directory = StandardPath.url(directory.path, isDirectory: true)
        self.focused = focus
        self.policy = policy
        self.layout = StoreLayout(directory)
        self.state = loaded.ledger
        self.position = loaded.position
    }

    /// Opens an existing store; `.notFound` when there is none at `directory`.
    public static func open(at directory: URL, policy: Policy) throws(StoreError) -> Store {
        let layout = StoreLayout(directory)
        guard FileFacts.exists(layout.snapshot) else { throw .notFound(directory) }
        return Store(directory: directory, policy: policy, loaded: try LoadedStore.load(layout, directory: directory))
    }

    /// Opens an existing store for a command about a few escalations: only their lines of the
    /// snapshot are decoded, so the cost barely grows with the store. Commits, the journal and the
    /// lock work as usual; a compaction first reads the whole store.
    public static func open(at directory: URL, policy: Policy, focus: Set<EscalationID>) throws(StoreError) -> Store {
        let layout = StoreLayout(directory)
        guard FileFacts.exists(layout.snapshot) else { throw .notFound(directory) }
        return Store(directory: directory, policy: policy, loaded: try LoadedStore.load(layout, directory: directory, focus: focus), focus: focus)
    }

    /// Creates an empty store: private (0700/0600), or shared with a group (setgid 2770, files 0660).
    public static func create(at directory: URL, policy: Policy, shared: Bool = false, group: String? = nil) throws(StoreError) -> Store {
        let layout = StoreLayout(directory)
        let path = layout.directory
        if FileFacts.exists(layout.snapshot) { throw .alreadyExists(directory) }
        let parent = (path as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw .io(path: parent, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        let mode: mode_t = shared || group != nil ? 0o2770 : 0o700
        guard mkdir(path, mode) == 0 || errno == EEXIST else { throw StoreError.posix(path, "mkdir") }
        if let group {
            guard let entry = getgrnam(group) else { throw .io(path: path, reason: "there is no group \"\(group)\"") }
            guard chown(path, uid_t.max, entry.pointee.gr_gid) == 0 else { throw StoreError.posix(path, "chown") }
        }
        guard chmod(path, mode) == 0 else { throw StoreError.posix(path, "chmod") }

        let lock = try StoreLock(path: layout.lock, mode: layout.fileMode, actor: "init")
        try lock.acquire(timeout: .seconds(5))
        defer { lock.release() }
        if FileFacts.exists(layout.snapshot) { throw .alreadyExists(directory) }
        try AtomicFile.write(FileHeader.journal(generation: 1).line(), to: layout.journal(1), mode: layout.fileMode)
        try AtomicFile.write(try SnapshotFile(generation: 1, ledger: Ledger()).bytes(), to: layout.snapshot, mode: layout.fileMode)
        try layout.ensureDirectory(layout.quarantine)
        return try open(at: directory, policy: policy)
    }

    /// Opens the store at `directory`, creating a private one if there is none.
    public static func openOrCreate(at directory: URL, policy: Policy) throws(StoreError) -> Store {
        do { return try open(at: directory, policy: policy) } catch {
            guard case .notFound = error else { throw error }
            do { return try create(at: directory, policy: policy) } catch {
                guard case .alreadyExists = error else { throw error }
                return try open(at: directory, policy: policy)
            }
        }
    }

    /// Runs `body` holding the writers' lock (the caller holds `mutex`); `whileWaiting` hears who
    /// holds it when another process keeps it for a moment.
    func withWriteLock<T>(whileWaiting: (String) -> Void = { _ in }, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if writeLock == nil {
            let named = ProcessEnvironment.variables["ESCALATOR_USER"].flatMap { $0.isEmpty ? nil : $0 }
            writeLock = try StoreLock(path: layout.lock, mode: layout.fileMode, actor: Context.describe(actor: named ?? Context.processLogin))
        }
        let lock = writeLock!
        try lock.acquire(timeout: _lockTimeout, whileWaiting: whileWaiting)
        defer { lock.release() }
        return try body()
    }
}

extension FileHeader {
    static func journal(generation: Int) -> FileHeader {
        FileHeader(format: journalFormat, schemaVersion: StoreCoding.schemaVersion, generation: generation)
    }
}
