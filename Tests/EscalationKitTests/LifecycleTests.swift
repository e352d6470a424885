import Foundation
import Testing
@testable import EscalationKit

/// The state machine's guards, driven through `Lifecycle.decide` and replayed through `Ledger`.
@Suite struct LifecycleTests {
    let policy = Policy.standard
    let t0 = Date(timeIntervalSince1970: 1_773_133_200) // 2026-03-10T09:00:00Z, a Tuesday

    func draft(_ title: String = "API latency", severity: Severity = .high) -> Draft {
        Draft(title: title, account: Account(name: "Acme Corp", arr: Money(85_000)), category: .productDefect,
              severity: severity, team: "engineering")
    }

    func commit(_ command: Command, _ id: EscalationID?, _ ledger: inout Ledger, at time: Date, actor: String = "alice") throws -> Event {
        var event = try Lifecycle(policy: policy).decide(command, on: id, in: ledger, at: time, actor: actor)
        event.sequence = ledger.lastSequence + 1
        try ledger.apply(event)
        return event
    }

    @Test func createAssignsYearlyIDs() throws {
        var ledger = Ledger()
        let a = try commit(.create(draft()), nil, &ledger, at: t0)
        let b = try commit(.create(draft("Second")), nil, &ledger, at: t0)
        #expect(a.escalation.description == "ESC-2026-0001")
        #expect(b.escalation.description == "ESC-2026-0002")
        #expect(ledger[a.escalation]?.status == .routed)
    }

    @Test func happyPathToClosed() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger, at: t0).escalation
        _ = try commit(.acknowledge(owner: "Mike Ross"), id, &ledger, at: t0 + 600)
        _ = try commit(.start, id, &ledger, at: t0 + 1200)
        _ = try commit(.note("Found the slow query"), id, &ledger, at: t0 + 1800)
        _ = try commit(.resolve(resolution: "Index added"), id, &ledger, at: t0 + 3600)
        _ = try commit(.close, id, &ledger, at: t0 + 7200)
        let e = try #require(ledger[id])
        #expect(e.status == .closed)
        #expect(e.owner == "Mike Ross")
        #expect(e.history.count == 6)
        #expect(e.revision == 6)
    }

    @Test func guardsRefuseWithWhatIsAllowed() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger, at: t0).escalation
        #expect(throws: LifecycleError.self) { try commit(.acknowledge(owner: "  "), id, &ledger, at: t0) }
        do {
            _ = try commit(.close, id, &ledger, at: t0)
            Issue.record("closing a routed escalation must fail")
        } catch let error as LifecycleError {
            #expect(error.kind == .illegalTransition)
            #expect(error.allowed.contains("acknowledge"))
        }
        #expect(throws: LifecycleError.self) { try commit(.back(reason: "oops"), id, &ledger, at: t0) }
        _ = try commit(.acknowledge(owner: "Mike"), id, &ledger, at: t0)
        #expect(throws: LifecycleError.self) { try commit(.back(reason: ""), id, &ledger, at: t0) }
        #expect(throws: LifecycleError.self) { try commit(.resolve(resolution: ""), id, &ledger, at: t0) }
    }

    @Test func reopenOpensANewLinkedEscalation() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger, at: t0).escalation
        _ = try commit(.acknowledge(owner: "Mike"), id, &ledger, at: t0)
        _ = try commit(.resolve(resolution: "Fixed"), id, &ledger, at: t0)
        _ = try commit(.close, id, &ledger, at: t0)
        let reopened = try commit(.reopen(reason: "Back again"), id, &ledger, at: t0 + 86400)
        #expect(reopened.escalation != id)
        #expect(ledger[reopened.escalation]?.reopenedFrom == id)
        #expect(ledger[id]?.status == .closed)
    }

    @Test func controlCharactersAreRefused() {
        var ledger = Ledger()
        #expect(throws: LifecycleError.self) { try commit(.create(draft("Evil \u{1B}[2J title")), nil, &ledger, at: t0) }
        #expect(ledger.lastSequence == 0)
    }

    @Test func replayRefusesGapsAndDuplicates() throws {
        var ledger = Ledger()
        var event = try Lifecycle(policy: policy).decide(.create(draft()), on: nil, in: ledger, at: t0, actor: "a")
        event.sequence = 2
        #expect(throws: ReplayError.self) { try ledger.apply(event) }
    }
}
