import Foundation
import Testing
@testable import EscalationKit

/// Seed 000's headline and the timeline sentences.
@Suite struct ReportHeadlineTests {
    @Test func seedHeadline() throws {
        var desk = Desk()
        let opened = utc("2026-02-26 09:00")
        let now = utc("2026-03-10 09:00")
        let e = try desk.run(.create(draft(renewal: CalendarDay("2026-05-16"))), at: opened)
        #expect(Headline.text(for: e, at: now, policy: desk.policy)
            == "API latency issue affecting Acme Corp — P1 open 12 days, EUR 85k ARR, renewal in 67 days")
    }

    @Test func unknownPartsAreLeftOut() throws {
        var desk = Desk()
        let e = try desk.run(.create(draft(arr: 0, severity: .medium)), at: utc("2026-03-10 08:00"))
        #expect(Headline.text(for: e, at: utc("2026-03-10 09:00"), policy: desk.policy)
            == "API latency issue affecting Acme Corp — P3 opened today")
        let high = try desk.run(.create(draft(severity: .high)), at: utc("2026-03-09 08:00"))
        #expect(Headline.text(for: high, at: utc("2026-03-10 09:00"), policy: desk.policy)
            == "API latency issue affecting Acme Corp — P2 open 1 day, EUR 85k ARR")
    }

    @Test func resolvedSaysHowLongItTook() throws {
        var desk = Desk()
        let e = try desk.run(.create(draft()), at: utc("2026-03-01 09:00"))
        try desk.run(.acknowledge(owner: "Mike"), e.id, at: utc("2026-03-01 10:00"))
        let done = try desk.run(.resolve(resolution: "Index added"), e.id, at: utc("2026-03-04 10:00"))
        #expect(Headline.text(for: done, at: utc("2026-03-10 09:00"), policy: desk.policy)
            == "API latency issue affecting Acme Corp — P1 resolved after 3 days, EUR 85k ARR")
    }

    @Test func historySentences() throws {
        var desk = Desk()
        let e = try desk.run(.create(draft(severity: .high)), at: utc("2026-03-10 08:00"), actor: "carol")
        try desk.run(.acknowledge(owner: "Mike Ross"), e.id, at: utc("2026-03-10 08:40"))
        try desk.run(.severity(.critical, reason: "Second region down"), e.id, at: utc("2026-03-10 09:00"))
        let last = try desk.run(.tier(.criticalMultiCustomer, reason: "3 customers"), e.id, at: utc("2026-03-10 09:05"))
        let lines = last.history.map { $0.sentence(policy: desk.policy) }
        #expect(lines == [
            "2026-03-10 09:00 carol routed it to Engineering — high, product_defect, Tier 1",
            "2026-03-10 09:40 alice acknowledged — owner Mike Ross",
            "2026-03-10 10:00 alice raised the severity from high to critical — Second region down",
            "2026-03-10 10:05 alice raised the tier from Tier 1 to Tier 3 — 3 customers",
        ])
    }

    @Test func sentencesNeutralizeControls() {
        let entry = HistoryEntry(sequence: 1, time: utc("2026-03-10 08:00"), actor: "eve\u{1B}[2J",
                                 change: .progressNoted(note: "line one\nline two\u{7}", endedStall: nil))
        let line = entry.sentence(policy: .standard)
        #expect(!line.unicodeScalars.contains { SafeText.isControl($0) })
        #expect(line == "2026-03-10 09:00 eve␛[2J logged progress — line one line two␇")
    }
}
