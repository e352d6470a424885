import Board
import EscalationKit
import EscalationStore
import Foundation
import Terminal
import Invocation

/// Runs the board's commits off its UI thread, one at a time in the order they were asked for, and
/// posts each answer back as an action: the board keeps drawing and taking keys while a commit waits
/// for another process's lock, and says whom it waits for.
final class BoardCommitter: @unchecked Sendable {
    private let store: any EscalationStoring
    /// Nil where the store's hooks are not run from the board.
    private let hooks: Hooks?
    private let people: Roster
    private let actor: String
    private let clock: @Sendable () -> Date
    private let actions: ActionQueue
    private let queue = DispatchQueue(label: "escalator.board-commits")
    private let lock = NSLock()
    /// The latest answers, in order, for what the board did not live to show (see `finish`).
    private var answers: [Result<[Event], StoreError>] = []
    private static let kept = 1_000

    init(store: any EscalationStoring, hooks: Hooks?, people: Roster, actor: String, clock: @escaping @Sendable () -> Date, actions: ActionQueue) {
        self.store = store
        self.hooks = hooks
        self.people = people
        self.actor = actor
        self.clock = clock
        self.actions = actions
    }

    /// Queues the commit; its answer arrives as `.committed`, `.commitFailed` (and `.commitWaiting` meanwhile).
    func commit(_ commands: [Command], on id: EscalationID?) {
        queue.async { [self] in
            // The time it is written, not the time it was asked for: the store's order is the events' order.
            let now = clock()
            hooks?.prepare()
            let answer = Result { () throws(StoreError) -> [Event] in
                try store.commit(commands, on: id, context: Context(actor: actor, now: now),
                                 whileWaiting: { [actions] holder in actions.push(.commitWaiting(holder: holder)) })
            }
            lock.withLock {
                answers.append(answer)
                // Only the last few can still be unshown when the board closes.
                if answers.count > Self.kept { answers.removeFirst(answers.count - Self.kept) }
            }
            switch answer {
            case .success(let events):
                // Queued in the outbox before the next commit; delivered beside the board so a slow hook never holds it.
                if let hooks {
                    hooks.queue(events, at: now)
                    DispatchQueue.global().async { hooks.deliverDue(at: now) }
                }
                actions.push(.committed(events))
                // After the change's own line: the change stands, the compaction waits for a later write.
                if let postponed = (store as? Store)?.postponedCompaction { actions.push(.commitNote(Session.postponedText(postponed))) }
            case .failure(let error):
                actions.push(.commitFailed("\(error)"))
            }
        }
    }

    /// Waits for the commits still queued when the board closed, and says on standard error (the
    /// terminal is restored by then) what became of the last `unanswered` ones, which the board never showed.
    func finish(unanswered: Int) {
        guard unanswered > 0 else { return queue.sync {} }
        FileHandle.standardError.write(Data("escalator: saving \(unanswered) change\(unanswered == 1 ? "" : "s") from the board…\n".utf8))
        queue.sync {}
        for answer in lock.withLock({ answers.suffix(unanswered) }) {
            switch answer {
            case .success(let events):
                for event in events {
                    FileHandle.standardError.write(Data("escalator: saved \(event.escalation): \(safe(ChangeText.summary(event.change, people: people)))\n".utf8))
                }
            case .failure(let error):
                FileHandle.standardError.write(Data("escalator: a change from the board was not saved: \(safe("\(error)"))\n".utf8))
            }
        }
    }
}
