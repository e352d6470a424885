import Foundation
import Testing
@testable import EscalationKit

@Suite struct DemoDataTests {
    let now = Date(timeIntervalSince1970: 1_773_133_200)

    @Test func replaysAndIsDeterministic() throws {
        let a = DemoData.events(count: 300, open: 30, seed: 7, now: now, policy: .standard)
        let b = DemoData.events(count: 300, open: 30, seed: 7, now: now, policy: .standard)
        #expect(a == b)
        var ledger = Ledger()
        for event in a { try ledger.apply(event) }
        #expect(ledger.escalations.count == 300)
        let open = ledger.escalations.values.filter(\.isOpen).count
        #expect(open > 0 && open <= 30)
        #expect(a.allSatisfy { $0.time <= now })
        // Every category, severity and most statuses appear.
        #expect(Set(ledger.escalations.values.map(\.category)).count == Category.allCases.count)
        #expect(Set(ledger.escalations.values.map(\.severity)).count == Severity.allCases.count)
        #expect(Set(ledger.escalations.values.map(\.status)).count >= 4)
        #expect(DemoData.events(count: 300, open: 30, seed: 8, now: now, policy: .standard) != a)
    }

    @Test func aBigStoreReachesBackAtMostThreeYears() throws {
        let events = DemoData.events(count: 12_000, open: 600, seed: 7, now: now, policy: .standard)
        let oldest = try #require(events.first?.time)
        let years = now.timeIntervalSince(oldest) / 86_400 / 365
        // Spread over the whole span, not squeezed into a few months, nor reaching back decades.
        #expect(years > 2.9 && years <= 3.01, "\(years)")
        var ledger = Ledger()
        for event in events { try ledger.apply(event) }
        #expect(ledger.lastNumberByYear.keys.sorted() == [2023, 2024, 2025, 2026])
    }
}
