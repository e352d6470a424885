import Foundation
import Testing
@testable import EscalationKit

/// The brief linter: seed 002's common mistakes and seed 001's best practices.
@Suite struct LintTests {
    let now = utc("2026-03-10 12:00")

    @Test func goodBriefHasNoFindings() throws {
        var desk = Desk()
        let e = try desk.run(.create(draft(brief: goodBrief(deadline: utc("2026-03-13 16:00")))), at: utc("2026-03-10 08:00"))
        #expect(BriefLinter.lint(e, among: desk.all, at: now, policy: desk.policy) == [])
    }

    @Test func badBriefFindsEveryMistake() throws {
        var desk = Desk()
        let bad = Brief(impact: "The customer is really unhappy.",
                        impactDimensions: ImpactDimensions(breadth: "many", duration: "about 3 weeks", revenue: "a lot"),
                        ask: Ask(text: "Engineering and Product management please look, the customer is unhappy"))
        let e = try desk.run(.create(draft(brief: bad)), at: utc("2026-03-10 08:00"))
        let ids = BriefLinter.lint(e, at: now, policy: desk.policy).map(\.id)
        #expect(ids == ["no-reproduction", "complaint-not-ask", "no-deadline", "impact-not-quantified", "no-context",
                        "customer-not-told", "too-broad", "escalated-late", "no-links"])
    }

    @Test func everyFindingHasMessageAndFix() throws {
        var desk = Desk()
        let e = try desk.run(.create(draft()), at: utc("2026-03-10 08:00"))
        let findings = BriefLinter.lint(e, at: now, policy: desk.policy)
        #expect(findings.first?.id == "no-ask")
        #expect(findings.first?.severity == .error)
        #expect(findings.contains { $0.id == "no-deadline" && $0.message.contains("urgency without a deadline is ambiguous") })
        #expect(findings.allSatisfy { !$0.message.isEmpty && !$0.fix.isEmpty })
        #expect(Set(findings.map(\.id)).isSubset(of: Set(LintRule.allCases.map(\.rawValue))))
    }

    @Test func sameIssueAtThreeCustomersNeedsAPatternLink() throws {
        var desk = Desk()
        let brief = goodBrief(deadline: utc("2026-03-13 16:00"))
        let first = try desk.run(.create(draft("Data export is missing rows", account: "Acme Corp", brief: brief)), at: utc("2026-03-09 08:00"))
        try desk.run(.create(draft("Data export is missing rows", account: "Globex", brief: brief)), at: utc("2026-03-09 09:00"))
        #expect(!BriefLinter.lint(first, among: desk.all, at: now, policy: desk.policy).map(\.id).contains("no-pattern-link"))
        try desk.run(.create(draft("Data export is missing rows!", account: "Initech", brief: brief)), at: utc("2026-03-09 10:00"))
        let finding = try #require(BriefLinter.lint(first, among: desk.all, at: now, policy: desk.policy).first { $0.id == "no-pattern-link" })
        #expect(finding.message.contains("3 accounts"))
        let linked = try desk.run(.link(pattern: "export-missing-rows"), first.id, at: now)
        #expect(!BriefLinter.lint(linked, among: desk.all, at: now, policy: desk.policy).map(\.id).contains("no-pattern-link"))
        let other = desk.all[1]
        let hint = try #require(BriefLinter.lint(other, among: desk.all, at: now, policy: desk.policy).first { $0.id == "no-pattern-link" })
        #expect(hint.fix.contains("export-missing-rows"))
    }

    @Test func breadthOfThreeCustomersNeedsAPatternLink() throws {
        var desk = Desk()
        var brief = goodBrief(deadline: utc("2026-03-13 16:00"))
        brief.impactDimensions.breadth = "3 customers reported this week"
        let e = try desk.run(.create(draft(brief: brief)), at: utc("2026-03-10 08:00"))
        #expect(BriefLinter.lint(e, at: now, policy: desk.policy).map(\.id) == ["no-pattern-link"])
    }

    @Test func passedDeadlineAndLateEscalationDependOnSeverity() throws {
        var desk = Desk()
        var brief = goodBrief(deadline: utc("2026-03-10 10:00"))
        brief.impactDimensions.duration = "2 days"
        let critical = try desk.run(.create(draft(brief: brief)), at: utc("2026-03-10 08:00"))
        #expect(BriefLinter.lint(critical, at: now, policy: desk.policy).map(\.id) == ["deadline-passed", "escalated-late"])
        let medium = try desk.run(.create(draft(severity: .medium, brief: brief)), at: utc("2026-03-10 08:00"))
        #expect(BriefLinter.lint(medium, at: now, policy: desk.policy).map(\.id) == ["deadline-passed"])
    }

    @Test func teamNamesAreMatchedLongestFirst() {
        let teams = BriefLinter.teamsNamed(in: "Support leadership to decide", policy: .standard)
        #expect(teams == ["support_leadership"])
        #expect(BriefLinter.teamsNamed(in: "CS leadership + Finance", policy: .standard) == ["cs_leadership", "finance"])
    }
}
