import Foundation
@testable import EscalationKit

/// Builds escalations the way the store does: commands decided by `Lifecycle`, events applied to a `Ledger`.
struct ClockScenario {
    var policy: Policy
    var ledger = Ledger()
    var id: EscalationID?

    init(policy: Policy = .standard) { self.policy = policy }

    var escalation: Escalation { ledger[id!]! }

    /// Opens an escalation at `time`.
    mutating func open(_ time: Date, severity: Severity = .high, category: Category = .productDefect, tier: Tier = .standard) throws {
        let draft = Draft(title: "API latency", account: Account(name: "Acme Corp", arr: Money(85_000)), category: category,
                          severity: severity, tier: tier, team: policy.rule(for: category).team)
        id = try commit(.create(draft), at: time).escalation
    }

    /// Decides and applies one command; returns the event.
    @discardableResult
    mutating func commit(_ command: Command, at time: Date, actor: String = "alice") throws -> Event {
        var event = try Lifecycle(policy: policy).decide(command, on: id, in: ledger, at: time, actor: actor)
        event.sequence = ledger.lastSequence + 1
        try ledger.apply(event)
        return event
    }

    var clocks: Clocks { Clocks(policy: policy) }

    func reading(_ kind: ClockKind, at time: Date) -> ClockReading? {
        clocks.read(kind, of: escalation, at: time)
    }
}
