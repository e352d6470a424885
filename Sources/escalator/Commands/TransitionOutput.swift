import EscalationKit
import Foundation

/// Options shared by every command that changes an escalation.
struct ChangeOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @Flag(name: .long, help: "Print the changed escalation as JSON.")
    var json = false
}

/// What a change command prints: one line saying what happened and where the escalation stands
/// now, or the whole escalation as JSON.
func reportChange(_ event: Event, in session: Session, json: Bool) throws {
    guard let e = session.store.ledger[event.escalation] else { return }
    if json {
        try JSONOutput.print(EscalationDetail(e, at: session.now, policy: session.policy))
        return
    }
    let status = session.clocks.status(of: e, at: session.now)
    let what = event.change.phrase(policy: session.policy)
    session.console.say("\(e.id) \(safe(what)). Now \(session.console.paint(status.label, .bold))" + (session.ownerName(e.owner).map { ", owner \(safe($0))." } ?? "."))
}

import ArgumentParser
