#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation
import ChangeMessages
import Invocation

extension Store {
    /// Commits the event `decide` makes from the current ledger, under the writers' lock: catch up,
    /// decide, append with one write, fdatasync. `decide` may run twice (the second time against the
    /// ledger as this process last saw it, to explain a conflict), so it must have no side effects.
    @discardableResult
    public func commit(_ decide: (Ledger) throws(LifecycleError) -> Event) throws(StoreError) -> Event {
        try commit(now: Date()) { ledger throws(LifecycleError) in [try decide(ledger)] }[0]
    }

    /// Commits a command through the domain's lifecycle, as `context.actor` at `context.now`.
    @discardableResult
    public func commit(_ command: Command, on id: EscalationID?, context: Context) throws(StoreError) -> Event {
        try commit([command], on: id, context: context)[0]
    }

    /// Commits several commands about one escalation all or nothing, as `context.actor` at
    /// `context.now`: under the lock each is decided against the ledger as the ones before it leave
    /// it, and all their events go out in one append with one sync. A refused command leaves nothing
    /// of the others in the store. `whileWaiting` hears the holder's description once another
    /// process has kept the lock for a moment (the board shows it while the commit waits).
    @discardableResult
    public func commit(_ commands: [Command], on id: EscalationID?, context: Context,
                       whileWaiting: (String) -> Void = { _ in }) throws(StoreError) -> [Event] {
        guard !commands.isEmpty else { return [] }
        let lifecycle = Lifecycle(policy: policy)
        return try commit(now: context.now, whileWaiting: whileWaiting) { ledger throws(LifecycleError) in
            try lifecycle.decide(commands, on: id, in: ledger, at: context.now, actor: context.actor)
        }
    }

    /// Appends many prepared events at once, all or nothing (demo data, imports). Sequence numbers
    /// are assigned here; the events must replay onto the current ledger. `compacting` folds them
    /// into a fresh snapshot under the same lock (a bulk load then costs one compaction, not two);
    /// `progress` hears how many events are encoded so far, every few thousand. `keepingLogins`: the
    /// events come from another store (`migrate`) and keep the logins it recorded.
    @discardableResult
    public func commitBatch(_ events: [Event], compacting: Bool = false, keepingLogins: Bool = false,
                            progress: (Int) -> Void = { _ in }) throws(StoreError) -> [Event] {
        mutex.lock()
        defer { mutex.unlock() }
        return try withWriteLock { () throws(StoreError) -> [Event] in
            _ = try catchUp(underLock: true)
            let committed = try append(events, keepingLogins: keepingLogins, progress: progress)
            compactAfterAppend(always: compacting)
            return committed
        }
    }

    /// Compacts now: a new snapshot, an empty journal, and old closed escalations moved to the archive.
    public func compact() throws(StoreError) {
        mutex.lock()
        defer { mutex.unlock() }
        try withWriteLock { () throws(StoreError) in
            _ = try catchUp(underLock: true)
            try compactLocked()
        }
    }

    func commit(now: Date, whileWaiting: (String) -> Void = { _ in },
                _ decide: (Ledger) throws(LifecycleError) -> [Event]) throws(StoreError) -> [Event] {
        mutex.lock()
        defer { mutex.unlock() }
        let seen = state
        return try withWriteLock(whileWaiting: whileWaiting) { () throws(StoreError) -> [Event] in
            _ = try catchUp(underLock: true)
            let events: [Event]
            do throws(LifecycleError) { events = try decide(state) } catch {
                // Was the command prepared against an older revision? Then say who changed it.
                guard let stale = try? decide(seen).first else { throw .rejected(error) }
                throw .rejected(ConflictExplanation.explain(error, escalation: state[stale.escalation],
                                                            expectedRevision: stale.expectedRevision, now: now))
            }
            let committed = try append(events)
            compactAfterAppend()
            return committed
        }
    }

    /// Numbers, checks and appends events (the caller holds both locks and has caught up).
    private func append(_ events: [Event], keepingLogins: Bool = false, progress: (Int) -> Void = { _ in }) throws(StoreError) -> [Event] {
        guard !events.isEmpty else { return [] }
        // In the journal's own schema: an old store's journal stays in one schema until compaction.
        let schema = position.journalSchema
        var next = state
        var bytes: [UInt8] = []
        var committed: [Event] = []
        committed.reserveCapacity(events.count)
        let numbered = events.enumerated().map { index, event in
            var event = event
            event.sequence = state.lastSequence + 1 + index
            // Who really wrote it, whatever the event or ESCALATOR_USER claims.
            if !keepingLogins { event.login = Context.processLogin }
            return event
        }
        // Encoding dominates a big batch (demo data, imports): on every core, with the hand-written
        // writer (which also rounds the times as replay will read them); JSONEncoder for what it declines.
        // In slices, so a long batch can report progress between them.
        for slice in stride(from: 0, to: numbered.count, by: Self.progressSlice) {
            let part = Array(numbered[slice..<min(numbered.count, slice + Self.progressSlice)])
            let encoded = parallelMap(part, state: { LazyCoders(schema: schema) }) { coders, event in
                Result { () throws -> (payload: [UInt8], canonical: Event) in
                    if schema >= 2, let fast = FastWrite.event(event) { return fast }
                    let payload = Array(try coders.encoder.encode(event))
                    // What replay will read (times to the millisecond): memory and disk must agree.
                    let canonical = try (schema >= 2 ? FastRead.event(payload[...]) : nil) ?? coders.decoder.decode(Event.self, from: Data(payload))
                    return (payload, canonical)
                }
            }
            for result in encoded {
                let payload: [UInt8]
                let canonical: Event
                do { (payload, canonical) = try result.get() } catch {
                    throw .rejected(LifecycleError(.invalidValue, "The event cannot be written: \(error)"))
                }
                do { try next.apply(canonical) } catch {
                    throw .rejected(LifecycleError(.invalidValue, "The event does not fit the store: \(error)"))
                }
                bytes += CheckedLine.encode(field: "event", payload: payload)
                committed.append(canonical)
            }
            progress(committed.count)
        }
        let path = layout.journal(position.generation)
        let journal = try Descriptor.open(path, O_WRONLY | O_APPEND)
        guard try journal.size == position.journalEnd else {
            throw .io(path: path, reason: "the journal changed size under the lock; nothing was written")
        }
        try journal.append(bytes)
        try journal.syncData()
        state = next
        position.journalEnd += bytes.count
        position.journalLines += committed.count
        return committed
    }

    /// Events encoded between two progress reports: large enough to keep every core busy.
    private static let progressSlice = 16_384

    /// Compacts when the journal has grown past the threshold (or `always`). The events are already
    /// appended and synced, so they are committed whatever happens here: a failure is kept in
    /// `postponedCompaction` for the caller to mention, and the next write past the threshold retries.
    private func compactAfterAppend(always: Bool = false) {
        _postponedCompaction = nil
        guard always || position.journalEnd > _compactionThreshold else { return }
        do { try compactLocked() } catch { _postponedCompaction = error }
    }
}
