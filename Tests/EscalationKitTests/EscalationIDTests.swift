import Foundation
import Testing
@testable import EscalationKit

/// Ids keep working past 9,999 escalations in a year (a big company's demo store has tens of thousands).
@Suite struct EscalationIDTests {
    @Test func moreThan9999InAYearParseDisplayAndSort() throws {
        let big = try #require(EscalationID("ESC-2026-12345"))
        #expect(big == EscalationID(year: 2026, number: 12_345))
        #expect(big.description == "ESC-2026-12345")
        #expect(EscalationID(big.description) == big)
        #expect(EscalationID("esc-2026-100000") == EscalationID(year: 2026, number: 100_000))
        // Numbers sort as numbers, not as text: 9999 before 10000, and years first.
        let ids = [EscalationID(year: 2026, number: 10_000), EscalationID(year: 2026, number: 9_999), EscalationID(year: 2025, number: 31_000),
                   EscalationID(year: 2026, number: 42)]
        #expect(ids.sorted().map(\.description) == ["ESC-2025-31000", "ESC-2026-0042", "ESC-2026-9999", "ESC-2026-10000"])
        #expect(EscalationID("ESC-2026-123") == nil)
    }

    @Test func theNextIDAfter9999HasFiveDigits() throws {
        let now = Date(timeIntervalSince1970: 1_773_133_200)
        var ledger = Ledger()
        let draft = Draft(title: "t", account: Account(name: "a", arr: Money(1)), category: .featureGap, severity: .medium, team: "eng")
        try ledger.apply(Event(sequence: 1, time: now, actor: "a", escalation: EscalationID(year: 2026, number: 9_999), expectedRevision: 0, change: .created(draft)))
        #expect(ledger.nextID(at: now, in: TimeZone(identifier: "UTC")!).description == "ESC-2026-10000")
    }
}
