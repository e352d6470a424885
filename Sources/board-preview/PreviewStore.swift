import Foundation
import EscalationKit
import Board

/// The preview's stand-in for the store: an in-memory ledger behind a lock, written through the
/// real lifecycle, by the board and by a simulated second user on another thread.
final class PreviewStore: @unchecked Sendable {
    private let lock = NSLock()
    private var ledger: Ledger
    let policy: Policy

    init(ledger: Ledger, policy: Policy) {
        self.ledger = ledger
        self.policy = policy
    }

    var current: Ledger {
        lock.lock(); defer { lock.unlock() }
        return ledger
    }

    /// Decides and applies a command, as the store's write protocol would.
    func commit(_ command: Command, on id: EscalationID?, actor: String, at now: Date) throws(LifecycleError) -> (Event, Ledger) {
        lock.lock(); defer { lock.unlock() }
        var event = try Lifecycle(policy: policy).decide(command, on: id, in: ledger, at: now, actor: actor)
        event.sequence = ledger.lastSequence + 1
        do { try ledger.apply(event) } catch { throw LifecycleError(.conflict, error.description) }
        return (event, ledger)
    }

    /// Decides and applies several commands all or none, as the store's write protocol would.
    func commit(_ commands: [Command], on id: EscalationID?, actor: String, at now: Date) throws(LifecycleError) -> [Event] {
        lock.lock(); defer { lock.unlock() }
        let events = try Lifecycle(policy: policy).decide(commands, on: id, in: ledger, at: now, actor: actor)
        for event in events {
            do { try ledger.apply(event) } catch { throw LifecycleError(.conflict, error.description) }
        }
        return events
    }

    /// The board's effect handler.
    func perform(_ effect: Effect, actor: String) -> Action? {
        guard case .commit(let commands, let id) = effect else { return nil }
        do {
            return .committed(try commit(commands, on: id, actor: actor, at: Date()))
        } catch {
            return .commitFailed(error.description)
        }
    }

    /// Another user's progress note on an open escalation, as a store change would report it.
    func externalChange(pick: Int) -> Action? {
        let open = current.escalations.values.filter { $0.isOpen && $0.status != .routed }.sorted { $0.id < $1.id }
        guard !open.isEmpty else { return nil }
        let target = open[pick % open.count]
        guard let (event, ledger) = try? commit(.note("Checked by the on-call engineer"), on: target.id, actor: "other-user", at: Date())
        else { return nil }
        return .storeChanged([event], reloaded: false, ledger: ledger)
    }
}
