import ArgumentParser
import EscalationKit

/// The text a person sends about an escalation as it stands: to the customer, the team, management or executives.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Print the text to send about an escalation as it stands (Markdown, or --json).",
        discussion: """
        --for customer is the customer-facing update: it never names the owner, quotes internal notes \
        or the brief, or gives ARR. team is the hand-off, management the status summary, executive the \
        briefing. These are the texts hooks are sent. Log what you sent with \
        `escalator update ID --customer --from-draft`.
        """
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(name: .customLong("for"), help: "customer, team, management or executive.") var audience: DraftAudience
    @Flag(help: "Print JSON: {audience, template, escalation_id, subject, body, time}.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions, focus: id)
            let draft = MessageDraft(for: audience, of: try session.escalation(id), at: session.now, policy: session.policy)
            if json { try JSONOutput.print(draft) } else { print(safeBlock(draft.markdown), terminator: "") }
        }
    }
}

extension DraftAudience: ExpressibleByArgument {}
