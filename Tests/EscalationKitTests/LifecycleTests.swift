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

    @Test func aMissingFieldIsNamedInASentence() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger, at: t0).escalation
        for (command, expected) in [(Command.acknowledge(owner: " "), "An owner is needed to acknowledge an escalation; nothing was changed."),
                                    (.note(""), "A note is needed to log progress on an escalation; nothing was changed.")] {
            do {
                _ = try commit(command, id, &ledger, at: t0)
                Issue.record("\(command) without its text must fail")
            } catch let error as LifecycleError {
                #expect(error.kind == .missingField)
                #expect(error.message == expected)
            }
        }
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

/// Undo: a compensating event that restores the state as if the change never happened.
@Suite struct UndoTests {
    let t0 = Date(timeIntervalSince1970: 1_773_133_200)

    func commit(_ command: Command, _ id: EscalationID?, _ ledger: inout Ledger, actor: String = "alice", at offset: TimeInterval = 0) throws -> Event {
        var event = try Lifecycle(policy: .standard).decide(command, on: id, in: ledger, at: t0 + offset, actor: actor)
        event.sequence = ledger.lastSequence + 1
        try ledger.apply(event)
        return event
    }

    func draft() -> Draft {
        Draft(title: "Export drops rows", account: Account(name: "Acme", arr: Money(85_000)), category: .productDefect, severity: .high, team: "engineering")
    }

    @Test func undoRestoresTheStateAndKeepsTheTrail() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger).escalation
        let before = try #require(ledger[id])
        let ack = try commit(.acknowledge(owner: "Mike"), id, &ledger, at: 60)
        #expect(ledger[id]?.status == .acknowledged)
        _ = try commit(.undo(sequence: ack.sequence), id, &ledger, at: 120)
        let after = try #require(ledger[id])
        #expect(after.status == .routed)
        #expect(after.owner == nil)
        #expect(after.acknowledgedAt == nil)
        #expect(after.history.count == 3)
        #expect(after.revision == 3)
        #expect(after.lastProgressAt == before.lastProgressAt)
        // The acknowledgement can be made again afterwards.
        _ = try commit(.acknowledge(owner: "Dana"), id, &ledger, at: 180)
        #expect(ledger[id]?.owner == "Dana")
    }

    @Test func severityUndoRestoresTheOldSeverity() throws {
        var ledger = Ledger()
        let id = try commit(.create(draft()), nil, &ledger).escalation
        let change = try commit(.severity(.critical, reason: "outage"), id, &ledger)
        _ = try commit(.undo(sequence: change.sequence), id, &ledger)
        #expect(ledger[id]?.severity == .high)
    }

    @Test func onlyYourOwnLatestChange() throws {
        var ledger = Ledger()
        let created = try commit(.create(draft()), nil, &ledger)
        let id = created.escalation
        #expect(throws: LifecycleError.self) { try commit(.undo(sequence: created.sequence), id, &ledger) }
        let ack = try commit(.acknowledge(owner: "Mike"), id, &ledger)
        #expect(throws: LifecycleError.self) { try commit(.undo(sequence: ack.sequence), id, &ledger, actor: "bob") }
        _ = try commit(.start, id, &ledger, actor: "bob")
        #expect(throws: LifecycleError.self) { try commit(.undo(sequence: ack.sequence), id, &ledger) }
        let undo = try commit(.note("x"), id, &ledger)
        let first = try commit(.undo(sequence: undo.sequence), id, &ledger)
        #expect(throws: LifecycleError.self) { try commit(.undo(sequence: undo.sequence), id, &ledger) }
        #expect(throws: LifecycleError.self) { try commit(.undo(sequence: first.sequence), id, &ledger) }
    }
}
