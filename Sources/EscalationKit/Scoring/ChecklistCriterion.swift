/// One line of seed 001's "When to escalate vs. handle in support" checklist.
public enum ChecklistCriterion: String, CaseIterable, Codable, Sendable {
    // Handle in support
    case documentedSolution = "documented_solution"
    case configurationIssue = "configuration_issue"
    case needsGuidance = "needs_guidance"
    case knownLimitation = "known_limitation"
    case resolvedBeforeInSupport = "resolved_before_in_support"
    // Technical
    case bugNeedsCodeFix = "bug_needs_code_fix"
    case infrastructureInvestigation = "infrastructure_investigation"
    case dataCorruptionOrLoss = "data_corruption_or_loss"
    // Complexity
    case beyondSupportDiagnosis = "beyond_support_diagnosis"
    case needsAccessSupportLacks = "needs_access_support_lacks"
    case customImplementation = "custom_implementation"
    // Impact
    case multipleCustomers = "multiple_customers"
    case productionDown = "production_down"
    case dataIntegrityAtRisk = "data_integrity_at_risk"
    case securityConcern = "security_concern"
    // Business
    case highValueCustomerAtRisk = "high_value_customer_at_risk"
    case slaBreachImminentOrOccurred = "sla_breach"
    case executiveInvolvementRequested = "executive_involvement_requested"
    // Time
    case openBeyondSLA = "open_beyond_sla"
    case waitingUnreasonablyLong = "waiting_unreasonably_long"
    case supportNotProgressing = "support_not_progressing"
    // Pattern
    case reportedByThreeOrMore = "reported_by_three_or_more"
    case recurringAfterFix = "recurring_after_fix"
    case increasingSeverity = "increasing_severity"

    /// The seven groups of the checklist: six that argue for escalating, one for handling it in support.
    public enum Group: String, CaseIterable, Codable, Sendable {
        case technical, complexity, impact, business, time, pattern
        case handleInSupport = "handle_in_support"

        public var label: String {
            switch self {
            case .handleInSupport: "Handle in support"
            default: rawValue.capitalized
            }
        }
    }

    public var group: Group {
        switch self {
        case .documentedSolution, .configurationIssue, .needsGuidance, .knownLimitation, .resolvedBeforeInSupport: .handleInSupport
        case .bugNeedsCodeFix, .infrastructureInvestigation, .dataCorruptionOrLoss: .technical
        case .beyondSupportDiagnosis, .needsAccessSupportLacks, .customImplementation: .complexity
        case .multipleCustomers, .productionDown, .dataIntegrityAtRisk, .securityConcern: .impact
        case .highValueCustomerAtRisk, .slaBreachImminentOrOccurred, .executiveInvolvementRequested: .business
        case .openBeyondSLA, .waitingUnreasonablyLong, .supportNotProgressing: .time
        case .reportedByThreeOrMore, .recurringAfterFix, .increasingSeverity: .pattern
        }
    }

    /// Seed 001's wording.
    public var label: String {
        switch self {
        case .documentedSolution: "The issue has a documented solution or known workaround"
        case .configurationIssue: "It's a configuration or setup issue you can resolve"
        case .needsGuidance: "The customer needs guidance or training, not a fix"
        case .knownLimitation: "The issue is a known limitation with a documented alternative"
        case .resolvedBeforeInSupport: "Previous similar tickets were resolved at the support level"
        case .bugNeedsCodeFix: "Bug confirmed and needs a code fix"
        case .infrastructureInvestigation: "Infrastructure investigation needed"
        case .dataCorruptionOrLoss: "Data corruption or loss"
        case .beyondSupportDiagnosis: "Issue is beyond support's ability to diagnose"
        case .needsAccessSupportLacks: "Requires access support doesn't have"
        case .customImplementation: "Involves custom implementation"
        case .multipleCustomers: "Multiple customers affected"
        case .productionDown: "Production system down"
        case .dataIntegrityAtRisk: "Data integrity at risk"
        case .securityConcern: "Security concern"
        case .highValueCustomerAtRisk: "High-value customer at risk"
        case .slaBreachImminentOrOccurred: "SLA breach imminent or occurred"
        case .executiveInvolvementRequested: "Customer requesting executive involvement"
        case .openBeyondSLA: "Issue has been open beyond SLA"
        case .waitingUnreasonablyLong: "Customer has been waiting unreasonably long"
        case .supportNotProgressing: "Normal support channels aren't progressing"
        case .reportedByThreeOrMore: "Same issue reported by 3+ customers"
        case .recurringAfterFix: "Recurring issue that was supposedly fixed"
        case .increasingSeverity: "Increasing severity over time"
        }
    }

    /// True for the criteria that argue for escalating.
    public var favoursEscalation: Bool { group != .handleInSupport }
}
