import Foundation
import Testing
@testable import EscalationKit

/// A history runs forward, within the years Escalator accepts.
@Suite struct TimeOrderTests {
    let t0 = Date(timeIntervalSince1970: 1_773_133_200) // 2026-03-10T09:00:00Z

    func draft() -> Draft {
        Draft(title: "API latency", account: Account(name: "Acme Corp", arr: Money(85_000)), category: .productDefect, severity: .high, team: "engineering")
    }

    @discardableResult
    func commit(_ command: Command, _ id: EscalationID?, _ ledger: inout Ledger, at time: Date) throws(LifecycleError) -> Event {
        var event = try Lifecycle(policy: .standard).decide(command, on: id, in: ledger, at: time, actor: "alice")
        event.sequence = ledger.lastSequence + 1
        try? ledger.apply(event)
        return event
    }

    @Test func aChangeDatedBeforeTheLatestEventIsRefused() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger, at: t0).escalation
        try commit(.note("first look"), id, &ledger, at: t0 + 600)
        for command in [Command.acknowledge(owner: "Mike"), .note("back in time"), .severity(.medium, reason: "calmer")] {
            do {
                try commit(command, id, &ledger, at: t0 + 300)
                Issue.record("\(command) dated before the last event was accepted")
            } catch {
                #expect(error.kind == .invalidValue)
                #expect(error.message.hasPrefix("\(id) was last changed at 2026-03-10T09:10:00.000Z; a change cannot be dated before it"), "\(error.message)")
            }
        }
        #expect(ledger[id]?.history.count == 2)
        // The same millisecond is not before it.
        try commit(.acknowledge(owner: "Mike"), id, &ledger, at: t0 + 600.0004)
        #expect(ledger[id]?.status == .acknowledged)
    }

    @Test func aReopenDatedBeforeTheCloseIsRefused() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger, at: t0).escalation
        for (i, command) in [Command.acknowledge(owner: "Mike"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
            try commit(command, id, &ledger, at: t0 + Double(i + 1) * 60)
        }
        #expect(throws: LifecycleError.self) { try commit(.reopen(reason: "again"), id, &ledger, at: t0 + 120) }
        #expect(ledger.escalations.count == 1)
    }

    @Test func timesOutsideTheAcceptedYearsNeverReachTheIdRule() throws {
        var ledger = Ledger()
        let far = Date(timeIntervalSince1970: 253_370_764_800) // 9999-01-01
        let early = Date(timeIntervalSince1970: 0) // 1970-01-01
        for time in [far, early, TimeBounds.end] {
            #expect(throws: LifecycleError.self) { try commit(.create(draft()), nil, &ledger, at: time) }
        }
        #expect(ledger.lastNumberByYear.isEmpty, "no id was numbered in another year")
        let id = try commit(.create(draft()), nil, &ledger, at: TimeBounds.earliest).escalation
        #expect(id.description == "ESC-2000-0001")
        #expect(throws: LifecycleError.self) { try commit(.note("later"), id, &ledger, at: far) }
    }
}
