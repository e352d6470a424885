import EscalationKit
import Foundation
import ChangeMessages
import Invocation

/// The decision step of a write, shared by the stores that keep no ledger file: the commands are
/// decided against the state as it is now (caught up under the lock); when they are refused but
/// would have passed against what this process had seen, the refusal names who changed the
/// escalation meanwhile, as the directory store's commits do.
public enum CommandDecision {
    public static func decide(_ commands: [Command], on id: EscalationID?, current: Ledger, seen: Ledger,
                              policy: Policy, context: Context) throws(StoreError) -> [Event] {
        let lifecycle = Lifecycle(policy: policy)
        do throws(LifecycleError) {
            return try lifecycle.decide(commands, on: id, in: current, at: context.now, actor: context.actor)
        } catch {
            guard let stale = try? lifecycle.decide(commands, on: id, in: seen, at: context.now, actor: context.actor).first else {
                throw .rejected(error)
            }
            throw .rejected(ConflictExplanation.explain(error, escalation: current[stale.escalation],
                                                        expectedRevision: stale.expectedRevision, now: context.now))
        }
    }
}
