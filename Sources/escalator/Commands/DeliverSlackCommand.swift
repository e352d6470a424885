import ArgumentParser
import Delivery
import EscalationKit
import Foundation

extension DeliverCommand {
    /// To a Slack incoming webhook, as a Block Kit message.
    struct Slack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "slack",
            abstract: "Post the notification to a Slack incoming webhook.",
            discussion: """
            The webhook URL is read from the file --webhook-file names (keep it mode 600), else from SLACK_WEBHOOK_URL; \
            errors name its host, never its secret path. As a hook: routed = ["/usr/local/bin/escalator deliver slack --webhook-file /etc/escalator/slack-webhook"]. \
            Exits 75 when Slack may take it later (no connection, a timeout, HTTP 5xx or 429), so the outbox tries again, and 65 when Slack refuses it.
            """
        )
        @Option(name: .customLong("webhook-file"), help: ArgumentHelp("A file holding the incoming webhook's URL.", valueName: "path"))
        var webhookFile: String?
        @Option(help: ArgumentHelp("The button's link; {id} is replaced by the escalation's id (default: the brief's first link).", valueName: "url"))
        var link: String?
        @OptionGroup var http: HTTPDeliveryOptions

        func run() throws {
            try reporting {
                let url = try DeliverySecret.read(file: webhookFile, environment: "SLACK_WEBHOOK_URL", what: "Slack webhook URL", option: "--webhook-file")
                guard let endpoint = HTTPEndpoint(url) else {
                    throw Failure.usage("The Slack webhook URL is not an http or https URL; nothing was sent.")
                }
                let payload = try DeliveryPayload.read()
                let link = link.map { $0.replacingOccurrences(of: "{id}", with: payload.escalationID) }
                let answer = try http.post(try SlackMessage.json(for: payload, link: link), to: endpoint, what: "the Slack message")
                print("Posted \(payload.kind.rawValue) for \(safe(payload.escalationID)) to \(endpoint.shown) (HTTP \(answer.status)).")
            }
        }
    }
}
