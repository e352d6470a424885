import Foundation
import Testing
@testable import EscalationKit

/// The brief in seed 001's Markdown layout and as snake_case JSON.
@Suite struct BriefTests {
    let opened = utc("2026-03-10 08:00")
    let now = utc("2026-03-10 12:00")

    func escalation(_ brief: Brief) throws -> (Desk, Escalation) {
        var desk = Desk()
        let e = try desk.run(.create(draft(renewal: CalendarDay("2026-05-16"), brief: brief)), at: opened, actor: "carol")
        try desk.run(.acknowledge(owner: "Mike Ross"), e.id, at: utc("2026-03-10 08:40"))
        return (desk, try desk.run(.start, e.id, at: utc("2026-03-10 09:00")))
    }

    @Test func markdownFollowsSeed001Layout() throws {
        let (desk, e) = try escalation(goodBrief(deadline: utc("2026-03-13 16:00")))
        let md = BriefDocument(e, at: now, policy: desk.policy).markdown
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings == [
            "## ESCALATION: API latency issue affecting Acme Corp — P1 opened today, EUR 85k ARR, renewal in 67 days",
            "### Impact", "### Issue Description", "### Timeline", "### What's Been Tried", "### Reproduction Steps",
            "### Customer Communication", "### What's Needed", "### Commercial Context", "### Supporting Context",
        ])
        for line in ["**Severity:** Critical (P1)", "**Target team:** Engineering", "**Reported by:** carol", "**Date:** 2026-03-10",
                     "- **Customers affected:** 1 customer, 40 users", "- **Workflow impact:** blocked",
                     "1. Cleared the cache — no change", "2. Tested on a test account — same latency",
                     "1. Log in as an admin of account 4711", "**Expected:** Export within 5 s", "**Actual:** Timeout after 30 s",
                     "**Environment:** Chrome 122, EU-1, plan Enterprise",
                     "- **Last update to customer:** Told them engineering is investigating",
                     "- Investigate the slow query on /v2/orders and provide a fix or timeline",
                     "- **Deadline:** 2026-03-13 17:00 (in 3 days)",
                     "- 2026-03-10 09:40 alice acknowledged — owner Mike Ross",
                     "- **ARR:** EUR 85k (EUR 85000)", "- **Renewal:** 2026-05-16 (in 67 days)",
                     "- https://support.example.com/tickets/4711"] {
            #expect(md.contains("\n" + line + "\n"), "missing line: \(line)")
        }
    }

    @Test func userTextCannotBreakTheMarkdown() throws {
        var brief = goodBrief(deadline: utc("2026-03-13 16:00"))
        brief.description = "First line\n## Injected heading\n- injected item\n1. injected list\n\u{1B}[31mred"
        brief.impactDimensions.breadth = "3 users\n### Fake section"
        brief.attempts = [Attempt(step: "# not a heading", result: "ok\nmore")]
        let (desk, e) = try escalation(brief)
        let md = BriefDocument(e, at: now, policy: desk.policy).markdown
        #expect(!md.unicodeScalars.contains { SafeText.isControl($0) && $0 != "\n" })
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings.count == 10)
        #expect(md.contains("\n\\## Injected heading\n\\- injected item\n1\\. injected list\n␛[31mred\n"))
        #expect(md.contains("- **Customers affected:** 3 users ### Fake section\n"))
        #expect(md.contains("1. \\# not a heading — ok more\n"))
    }

    @Test func missingFieldsAreShownAsMissing() throws {
        let (desk, e) = try escalation(Brief())
        let md = BriefDocument(e, at: now, policy: desk.policy).markdown
        #expect(md.contains("### Reproduction Steps\nNot provided.\n"))
        #expect(md.contains("### What's Been Tried\nNothing recorded yet.\n"))
        #expect(md.contains("- **Last update to customer:** Not yet told.\n"))
        #expect(md.contains("### What's Needed\n- Not provided.\n- **Deadline:** Not set.\n"))
        #expect(md.contains("- **Time in queue:** escalated 0 days ago (2026-03-10)\n"))
    }

    @Test func jsonHasSnakeCaseKeysAndRoundTrips() throws {
        let (desk, e) = try escalation(goodBrief(deadline: utc("2026-03-13 16:00")))
        let doc = BriefDocument(e, at: now, policy: desk.policy)
        let data = try JSONEncoder().encode(doc)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["id", "headline", "title", "account", "severity", "priority", "status", "category", "tier",
                                     "target_team", "reported_by", "date", "impact", "description", "attempts", "reproduction",
                                     "customer_communication", "ask", "timeline", "commercial", "pattern", "links"])
        #expect(object["pattern"] is NSNull, "an unknown pattern is null, not left out")
        let commercial = try #require(object["commercial"] as? [String: Any])
        #expect(commercial["days_to_renewal"] as? Int == 67)
        #expect(commercial["renewal_date"] as? String == "2026-05-16")
        let ask = try #require(object["ask"] as? [String: Any])
        #expect(ask["deadline"] as? String == "2026-03-13T16:00:00.000Z")
        #expect(ask["kind"] as? String == "investigate")
        #expect(object["status"] as? String == "in_progress")
        #expect((object["timeline"] as? [Any])?.count == 3)
        let back = try JSONDecoder().decode(BriefDocument.self, from: data)
        #expect(back.headline == doc.headline)
        #expect(back.timeline == doc.timeline)
    }
}

extension BriefTests {
    @Test func reproductionListEndsBeforeExpected() throws {
        let (desk, e) = try escalation(goodBrief(deadline: utc("2026-03-13 16:00")))
        let md = BriefDocument(e, at: now, policy: desk.policy).markdown
        #expect(md.contains("3. Click Export\n\n**Expected:** Export within 5 s\n"))
    }

    @Test func askKindIsShownWhenTheTextDoesNotSayIt() throws {
        var brief = goodBrief(deadline: utc("2026-03-13 16:00"))
        brief.ask = Ask(kind: .approve, text: "a 20% credit for March", deadline: nil)
        let (desk, e) = try escalation(brief)
        #expect(BriefDocument(e, at: now, policy: desk.policy).markdown.contains("\n- Approve: a 20% credit for March\n"))
    }
}
