/// Seed 001's "escalate vs. handle in support" checklist: the CSM ticks what is true, and the
/// checklist says whether to escalate and why ("why escalate now").
public struct EscalationChecklist: Hashable, Codable, Sendable {
    /// The criteria that are true.
    public var checked: Set<ChecklistCriterion>

    public init(_ checked: Set<ChecklistCriterion> = []) {
        self.checked = checked
    }

    /// Whether a criterion is ticked; setting it ticks or unticks it.
    public subscript(criterion: ChecklistCriterion) -> Bool {
        get { checked.contains(criterion) }
        set { if newValue { checked.insert(criterion) } else { checked.remove(criterion) } }
    }

    /// What the checklist recommends.
    public enum Recommendation: String, Codable, Sendable {
        case escalate
        case handleInSupport = "handle_in_support"
    }

    /// The recommendation and the lines that justify it.
    public struct Verdict: Hashable, Sendable {
        public var recommendation: Recommendation
        /// The escalation criteria met, as "Group: criterion", in the checklist's order: "why escalate now".
        public var reasons: [String]
        /// Handle-in-support criteria that were also ticked; when escalating, worth a second look.
        public var counterpoints: [String]
        /// A security concern goes straight to the Security team, whatever the tier (seed 001).
        public var bypassesTiers: Bool

        public init(recommendation: Recommendation, reasons: [String], counterpoints: [String], bypassesTiers: Bool) {
            self.recommendation = recommendation
            self.reasons = reasons
            self.counterpoints = counterpoints
            self.bypassesTiers = bypassesTiers
        }
    }

    /// Any escalation criterion met means escalate, even if a handle-in-support criterion is also
    /// ticked: a known workaround does not make data loss or a security concern a support matter.
    /// With no escalation criterion met, the issue stays in support.
    public var verdict: Verdict {
        let ticked = ChecklistCriterion.allCases.filter(checked.contains)
        let reasons = ticked.filter(\.favoursEscalation).map { "\($0.group.label): \($0.label)" }
        let counter = ticked.filter { !$0.favoursEscalation }.map { "\($0.group.label): \($0.label)" }
        if reasons.isEmpty {
            let why = counter.isEmpty ? ["No escalation criterion is met"] : counter
            return Verdict(recommendation: .handleInSupport, reasons: why, counterpoints: [], bypassesTiers: false)
        }
        return Verdict(recommendation: .escalate, reasons: reasons, counterpoints: counter,
                       bypassesTiers: checked.contains(.securityConcern))
    }
}
