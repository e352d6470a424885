import Testing
@testable import EscalationKit

@Suite struct ScoringPathTests {
    /// Seed 003's own example.
    let seedExample = EscalationSituation(
        severity: .high, impact: .multipleCustomers, durationHours: 4, currentTier: .standard,
        segment: .enterprise, healthScore: 45, contractValue: Money(500_000), previousEscalations: 2,
        sentiment: .frustrated)

    @Test func seed003Example() {
        let r = EscalationPath.determine(seedExample, policy: .standard)
        #expect(r.points == 11)
        #expect(r.tier == .criticalMultiCustomer)
        #expect(r.urgency == .high)
        #expect(r.target == "Engineering lead, CSM")
        #expect(r.response == .hours(1))
        #expect(r.raisesTier)
        #expect(r.rationale == [
            "Severity high: +2",
            "Affects multiple customers: +2",
            "Open 4 hours (4 hours or more): +1",
            "Enterprise segment: +1",
            "Health score 45 (below 60): +1",
            "Contract value EUR 500k (10× EUR 50k or more): +2",
            "2 previous escalations: +1",
            "Customer sentiment frustrated: +1",
            "11 points: Tier 3, high urgency",
            "Raise from Tier 1 to Tier 3: a re-escalation",
        ])
    }

    @Test func calmSingleCustomerStaysAtTierOne() {
        let s = EscalationSituation(severity: .medium, impact: .singleCustomer, durationHours: 1, segment: .smb)
        let r = EscalationPath.determine(s, policy: .standard)
        #expect(r.points == 0)
        #expect(r.tier == .standard)
        #expect(r.urgency == .low)
        #expect(r.target == "Support agent")
        #expect(!r.raisesTier)
        #expect(r.rationale == ["No factor raises the escalation", "0 points: Tier 1, low urgency", "Stay at Tier 1"])
    }

    @Test func pointEdgesChooseTheTier() {
        // 3 points: high (+2) and enterprise (+1) → Tier 1; one more hour-point → 4 → Tier 2.
        var s = EscalationSituation(severity: .high, impact: .singleCustomer, durationHours: 3.5, segment: .enterprise)
        #expect(EscalationPath.determine(s, policy: .standard).tier == .standard)
        s.durationHours = 4
        let r = EscalationPath.determine(s, policy: .standard)
        #expect(r.points == 4)
        #expect(r.tier == .complexTechnical)
        #expect(r.urgency == .medium)
    }

    @Test func everythingAtOnceIsTierFourCritical() {
        let s = EscalationSituation(severity: .critical, impact: .multipleCustomers, durationHours: 30,
                                    segment: .strategic, healthScore: 20, contractValue: Money(1_000_000),
                                    previousEscalations: 5, sentiment: .threateningChurn)
        let r = EscalationPath.determine(s, policy: .standard)
        #expect(r.points == 18)
        #expect(r.tier == .businessCritical)
        #expect(r.urgency == .critical)
        #expect(r.target == "Director, VP, executive")
        #expect(r.response == .minutes(30))
    }

    @Test func floorsAndNoLowering() {
        let multi = EscalationSituation(severity: .medium, impact: .multipleCustomers, durationHours: 0, segment: .smb)
        let r = EscalationPath.determine(multi, policy: .standard)
        #expect(r.tier == .criticalMultiCustomer)
        #expect(r.rationale.contains("Several customers affected: at least Tier 3"))

        let critical = EscalationSituation(severity: .critical, impact: .singleCustomer, durationHours: 0, segment: .smb)
        let c = EscalationPath.determine(critical, policy: .standard)
        #expect(c.tier == .criticalMultiCustomer)
        #expect(c.urgency == .high)

        let already = EscalationSituation(severity: .medium, impact: .singleCustomer, durationHours: 0,
                                          currentTier: .businessCritical, segment: .smb)
        let a = EscalationPath.determine(already, policy: .standard)
        #expect(a.tier == .businessCritical)
        #expect(!a.raisesTier)
        #expect(a.urgency == .low)
    }

    @Test func nonsenseInputsCountAsZero() {
        let s = EscalationSituation(severity: .medium, impact: .singleCustomer, durationHours: -5, segment: .midMarket,
                                    previousEscalations: -1)
        #expect(EscalationPath.determine(s, policy: .standard).points == 0)
    }

    @Test func targetComesFromThePolicyTiers() {
        var policy = Policy.standard
        policy.tiers[.criticalMultiCustomer]?.stakeholders = "On-call lead"
        #expect(EscalationPath.determine(seedExample, policy: policy).target == "On-call lead")
    }
}

@Suite struct ScoringChecklistTests {
    @Test func nothingTickedStaysInSupport() {
        let v = EscalationChecklist().verdict
        #expect(v.recommendation == .handleInSupport)
        #expect(v.reasons == ["No escalation criterion is met"])
    }

    @Test func supportCriteriaAreTheReasonsToStay() {
        let v = EscalationChecklist([.configurationIssue, .documentedSolution]).verdict
        #expect(v.recommendation == .handleInSupport)
        #expect(v.reasons == ["Handle in support: The issue has a documented solution or known workaround",
                              "Handle in support: It's a configuration or setup issue you can resolve"])
    }

    @Test func anyEscalationCriterionEscalatesWithReasonsInChecklistOrder() {
        var list = EscalationChecklist()
        list[.reportedByThreeOrMore] = true
        list[.bugNeedsCodeFix] = true
        list[.documentedSolution] = true
        let v = list.verdict
        #expect(v.recommendation == .escalate)
        #expect(v.reasons == ["Technical: Bug confirmed and needs a code fix", "Pattern: Same issue reported by 3+ customers"])
        #expect(v.counterpoints == ["Handle in support: The issue has a documented solution or known workaround"])
        #expect(!v.bypassesTiers)
        list[.bugNeedsCodeFix] = false
        #expect(list.verdict.reasons.count == 1)
    }

    @Test func securityBypassesTiers() {
        let v = EscalationChecklist([.securityConcern]).verdict
        #expect(v.recommendation == .escalate)
        #expect(v.bypassesTiers)
        #expect(v.reasons == ["Impact: Security concern"])
    }

    @Test func everyGroupHasCriteria() {
        for group in ChecklistCriterion.Group.allCases {
            #expect(ChecklistCriterion.allCases.contains { $0.group == group }, "\(group)")
        }
        #expect(ChecklistCriterion.allCases.filter { $0.group == .handleInSupport }.count == 5)
    }
}
