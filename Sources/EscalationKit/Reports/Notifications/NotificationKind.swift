/// What happened, as a hook is told it (the keys of `Policy.hooks`): the lifecycle's moments worth telling someone about.
public enum NotificationKind: String, CaseIterable, Codable, Sendable {
    case routed
    case acknowledged
    case stalled
    case breachWarning = "breach_warning"
    case resolved
    case closed
    case reopened
    case severityChanged = "severity_changed"
    case tierChanged = "tier_changed"
    /// A level of the escalation chain, told because nobody has acknowledged it (from the clock, never from a change).
    case reescalated

    /// The kind an event's change announces, or nil for changes nobody is notified about (notes, edits).
    /// `stalled` and `breach_warning` come from the clocks, never from a change.
    public init?(change: Change) {
        switch change {
        case .created(let draft): self = draft.reopenedFrom == nil ? .routed : .reopened
        case .acknowledged: self = .acknowledged
        case .resolved: self = .resolved
        case .closed: self = .closed
        case .severityChanged: self = .severityChanged
        case .tierChanged: self = .tierChanged
        default: return nil
        }
    }

    /// The text a hook of this kind gets by default: the hand-off when routed or reopened, the customer
    /// confirmation when resolved or closed, the management summary otherwise.
    public var defaultTemplate: NotificationTemplate {
        switch self {
        case .routed, .reopened: .handoff
        case .resolved, .closed: .customerConfirmation
        default: .managementSummary
        }
    }
}

/// Seed 003's notification texts.
public enum NotificationTemplate: String, CaseIterable, Codable, Sendable {
    /// To the receiving team: the brief in short, the ask and the deadline.
    case handoff
    /// To CS and support management: where it stands, clocks and risk.
    case managementSummary = "management_summary"
    /// To the customer: we have escalated (or resolved) it, and when they will hear next. No internal detail.
    case customerConfirmation = "customer_confirmation"
    /// To executives: what is at stake commercially and the decision needed.
    case executiveBriefing = "executive_briefing"
}
