import ArgumentParser
import Delivery
import EscalationKit
import Foundation

extension DeliverCommand {
    /// To PagerDuty's Events API v2.
    struct PagerDuty: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pagerduty",
            abstract: "Send the notification to PagerDuty as an Events API v2 event.",
            discussion: """
            The integration's routing key is read from the file --routing-key-file names, else from PAGERDUTY_ROUTING_KEY. \
            Routing triggers an alert, acknowledging acknowledges it, resolving or closing resolves it; the escalation's id is the dedup key. \
            Exits 75 when PagerDuty may take it later (no connection, a timeout, HTTP 5xx or 429), so the outbox tries again, and 65 when PagerDuty refuses it.
            """
        )
        @Option(name: .customLong("routing-key-file"), help: ArgumentHelp("A file holding the integration's routing key.", valueName: "path"))
        var routingKeyFile: String?
        @Option(name: .customLong("events-url"), help: ArgumentHelp("Where events go.", valueName: "url"))
        var eventsURL = "https://events.pagerduty.com/v2/enqueue"
        @OptionGroup var http: HTTPDeliveryOptions

        func run() throws {
            try reporting {
                guard let endpoint = HTTPEndpoint(eventsURL) else {
                    throw Failure.usage("--events-url is not an http or https URL; nothing was sent.")
                }
                let key = try DeliverySecret.read(file: routingKeyFile, environment: "PAGERDUTY_ROUTING_KEY", what: "PagerDuty routing key", option: "--routing-key-file")
                guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw Failure.usage("The PagerDuty routing key is not letters and digits; nothing was sent.")
                }
                let payload = try DeliveryPayload.read()
                let action = PagerDutyEvent.action(for: payload.kind)
                let answer = try http.post(try PagerDutyEvent.json(for: payload, routingKey: key), to: endpoint, what: "the PagerDuty event")
                print("Sent \(action.rawValue) for \(safe(payload.escalationID)) to \(endpoint.shown) (HTTP \(answer.status)).")
            }
        }
    }
}
