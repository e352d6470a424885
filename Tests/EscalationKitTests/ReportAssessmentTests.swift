import Foundation
import Testing
@testable import EscalationKit

/// Seed 002's assessment layout, fed plain values.
@Suite struct ReportAssessmentTests {
    @Test func seed002Layout() {
        let input = AssessmentInput(
            account: "Acme Corp", situation: "Reports time out since Monday's deploy. 40 users blocked.",
            customerImpact: .init(5, "No workaround; | reports blocked"), accountValue: .init(5, "EUR 85k ARR"),
            timeSensitivity: .init(4, "Board meeting Friday"), csmCapability: .init(5, "Needs a code fix"),
            decision: "Escalate immediately", routeTo: "Engineering",
            specificAsk: "Investigate the slow query and provide a fix or timeline", byWhen: "2026-03-13 17:00",
            customerCommunication: "I have escalated this to Engineering and expect an update by Friday.")
        #expect(input.total == 19)
        #expect(input.markdown == """
        ## Escalation Assessment: Acme Corp

        ### Situation
        Reports time out since Monday's deploy. 40 users blocked.

        ### Scoring
        | Dimension | Score | Rationale |
        |-----------|-------|-----------|
        | Customer impact | 5 | No workaround; \\| reports blocked |
        | Account value | 5 | EUR 85k ARR |
        | Time sensitivity | 4 | Board meeting Friday |
        | CSM capability | 5 | Needs a code fix |
        | **Total** | **19** | |

        ### Decision
        Escalate immediately

        ### If Escalating
        - Route to: Engineering
        - Specific ask: Investigate the slow query and provide a fix or timeline
        - By when: 2026-03-13 17:00
        - Customer communication: I have escalated this to Engineering and expect an update by Friday.

        """)
    }

    @Test func handleYourselfSaysNotEscalating() {
        let input = AssessmentInput(account: "Small Co", situation: "", customerImpact: .init(1), accountValue: .init(1),
                                    timeSensitivity: .init(2), csmCapability: .init(1), decision: "Handle it yourself", escalating: false)
        #expect(input.total == 5)
        #expect(input.markdown.hasSuffix("### If Escalating\nNot escalating: handle it with existing resources and authority.\n"))
        #expect(input.markdown.contains("### Situation\nNot provided.\n"))
    }

    @Test func fromAnEscalation() throws {
        var desk = Desk()
        var d = draft(brief: goodBrief(deadline: utc("2026-03-13 16:00")))
        d.dimensions = Dimensions(impact: 5, value: 5, urgency: 3, capability: 4)
        let e = try desk.run(.create(d), at: utc("2026-03-10 08:00"))
        let input = AssessmentInput(e, decision: "Escalate immediately", escalating: true, rationales: ["a", "b", "c", "d"],
                                    at: utc("2026-03-10 09:00"), policy: desk.policy)
        #expect(input.total == 17)
        #expect(input.routeTo == "Engineering")
        #expect(input.byWhen == "2026-03-13 17:00")
        #expect(input.customerCommunication == "A fix by Friday")
        #expect(input.timeSensitivity == .init(3, "c"))
        #expect(input.markdown.contains("| Time sensitivity | 3 | c |"))
    }
}
