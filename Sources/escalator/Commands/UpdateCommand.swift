import ArgumentParser
import EscalationKit

/// Logs progress, or with `--customer` an update sent to the customer.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Log progress on an escalation (or, with --customer, what the customer was told).",
        discussion: "Progress resets the stall and internal-update clocks and brings a stalled escalation back to In progress; a customer update resets the customer-update clock."
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "What happened.") var note: String?
    @Flag(help: "This is an update sent to the customer.") var customer = false
    @Flag(help: "With --customer: the note is the customer draft as it stands (`escalator draft ID --for customer`).") var fromDraft = false
    @OptionGroup var options: ChangeOptions

    /// What was asked, as plain values (`PlainCommandLine` reads the same without argument-parser).
    struct Request: Equatable {
        var id: String
        var note: String?
        var customer = false
        var fromDraft = false
        var json = false
        var store: String?
    }

    var request: Request {
        Request(id: id, note: note, customer: customer, fromDraft: fromDraft, json: options.json, store: options.storeOptions.store)
    }

    func run() throws { try Self.run(request) }

    static func run(_ r: Request) throws {
        try reporting {
            if r.fromDraft && !r.customer { throw Failure.usage("--from-draft logs the customer draft, so it goes with --customer.") }
            if r.fromDraft && r.note != nil { throw Failure.usage("Give either --note or --from-draft, not both.") }
            if !r.fromDraft && r.note == nil { throw Failure.usage("Missing expected argument '--note <note>' (or --customer --from-draft).") }
            let session = try Session.open(store: r.store, focus: r.id)
            var text = r.note ?? ""
            if r.fromDraft { text = MessageDraft(for: .customer, of: try session.escalation(r.id), at: session.now, policy: session.policy).note }
            let command: Command = r.customer ? .customerUpdate(text) : .note(text)
            try reportChange(try session.commit(command, on: r.id), in: session, json: r.json)
        }
    }
}
