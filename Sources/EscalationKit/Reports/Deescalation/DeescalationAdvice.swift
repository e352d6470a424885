import Foundation

/// What to do about an escalation's level once things improve (seed 001's de-escalation, seed 003's recommend-deescalation).
public enum DeescalationAction: String, CaseIterable, Codable, Sendable {
    /// Every criterion is met: return it to normal handling.
    case deescalate = "de-escalate"
    /// Root cause or a fix/workaround is in place, but confirmation or monitoring is outstanding:
    /// lower the severity or tier and keep following up.
    case partial
    /// Neither a root cause nor a fix: stay escalated.
    case keep
}

/// A recommendation with its rationale and the checklist to work through.
///
/// Rule: all four criteria (root cause found, fix applied, customer confirmed, monitoring complete)
/// → de-escalate; root cause found or a fix/workaround applied, but not all four → partial; otherwise keep.
/// The checklist on de-escalation is seed 001's: notify the team escalated to, update the ticket with the
/// resolution, inform the customer, record what was learned (ticked when a learning is recorded).
/// JSON keys: `action`, `rationale`, `checklist` [{`text`, `done`}].
public struct DeescalationAdvice: Hashable, Codable, Sendable {
    public struct Step: Hashable, Codable, Sendable {
        public var text: String
        public var done: Bool
    }

    public var action: DeescalationAction
    public var rationale: [String]
    public var checklist: [Step]

    /// The advice for `e` from `record` (by default what `e` recorded with `deescalate`).
    public init(for e: Escalation, record: Deescalation? = nil, at now: Date, policy: Policy) {
        let r = record ?? e.deescalation ?? Deescalation()
        func safe(_ s: String) -> String { SafeText.neutralized(s.trimmed) }
        let team = safe(policy.teams[e.team]?.name ?? e.team)
        let account = safe(e.account.name)
        let rootCause = !safe(r.rootCause).isEmpty
        let fixed = !safe(r.fixApplied).isEmpty
        var why: [String] = []
        why.append(rootCause ? "Root cause found: \(safe(r.rootCause))." : "Root cause not yet found.")
        why.append(fixed ? "Fix applied: \(safe(r.fixApplied))." : "No fix or workaround applied yet.")
        why.append(r.customerConfirmed ? "The customer confirmed the resolution." : "The customer has not confirmed the resolution.")
        why.append(r.monitoringComplete ? "Stable through the monitoring period." : "The monitoring period is not complete.")
        rationale = why
        let learned = !safe(r.learning).isEmpty
        if rootCause && fixed && r.customerConfirmed && r.monitoringComplete {
            action = .deescalate
            checklist = [
                Step(text: "Notify \(team) that \(e.id) is de-escalated", done: false),
                Step(text: "Update the ticket with the resolution", done: e.resolution != nil),
                Step(text: "Inform \(account) of the resolution", done: false),
                Step(text: learned ? "Learning recorded: \(safe(r.learning))" : "Record what was learned for future reference", done: learned),
            ]
        } else if rootCause || fixed {
            action = .partial
            var steps = [Step(text: "Lower the severity or tier to match the remaining risk (\(e.severity.rawValue), \(e.tier) now)", done: false),
                         Step(text: "Tell \(team) what remains open", done: false)]
            if !r.customerConfirmed { steps.append(Step(text: "Ask \(account) to confirm the fix works for them", done: false)) }
            if !r.monitoringComplete { steps.append(Step(text: "Finish the monitoring period before de-escalating fully", done: false)) }
            if !fixed { steps.append(Step(text: "Apply a fix or a workaround that unblocks the customer", done: false)) }
            checklist = steps
        } else {
            action = .keep
            checklist = [Step(text: "Keep \(team) on it: find the root cause", done: false),
                         Step(text: "Keep the customer update cadence for \(e.severity.rawValue) escalations", done: false)]
        }
    }

    /// The advice as plain text: the action, the rationale lines and the checklist with [x] / [ ] boxes.
    public var text: String {
        (["Recommendation: \(action.rawValue)", ""] + rationale.map { "- \($0)" } + ["", "Checklist:"]
            + checklist.map { "[\($0.done ? "x" : " ")] \($0.text)" }).joined(separator: "\n") + "\n"
    }
}
