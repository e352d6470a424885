import Foundation

extension Lifecycle {
    /// Decides several commands about one escalation as one change: each against the ledger as the
    /// ones before it leave it (so an edit, then a severity and a tier each see the revision the
    /// previous one made). Throws at the first refused command, and then none of them is to be written.
    public func decide(_ commands: [Command], on id: EscalationID?, in ledger: Ledger, at now: Date, actor: String) throws(LifecycleError) -> [Event] {
        var ledger = ledger
        var events: [Event] = []
        events.reserveCapacity(commands.count)
        for command in commands {
            var event = try decide(command, on: id, in: ledger, at: now, actor: actor)
            event.sequence = ledger.lastSequence + 1
            do { try ledger.apply(event) } catch {
                throw LifecycleError(.invalidValue, "The change does not fit \(event.escalation): \(error.reason)")
            }
            events.append(event)
        }
        return events
    }
}
