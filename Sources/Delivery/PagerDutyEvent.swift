import EscalationKit
import Foundation

/// A notification as a PagerDuty Events API v2 event. One escalation is one PagerDuty alert: routing
/// triggers it, acknowledging acknowledges it, resolving or closing resolves it; the clock's
/// notifications (stalled, breach warnings, re-escalations) and changes of severity or tier trigger it
/// again, which PagerDuty folds into the same alert.
public enum PagerDutyEvent {
    public enum Action: String, Sendable {
        case trigger, acknowledge, resolve
    }

    public static func action(for kind: NotificationKind) -> Action {
        switch kind {
        case .acknowledged: .acknowledge
        case .resolved, .closed: .resolve
        case .routed, .reopened, .stalled, .breachWarning, .reescalated, .severityChanged, .tierChanged: .trigger
        }
    }

    /// PagerDuty's four severities: critical, error, warning, info.
    static func severity(_ s: String) -> String {
        switch s {
        case "critical": "critical"
        case "high": "error"
        case "medium": "warning"
        default: "info"
        }
    }

    /// The event. Its `dedup_key` is the escalation's id, not the notification's idempotency key: an
    /// acknowledge or resolve reaches only the alert whose key it names, and a trigger repeated with
    /// that key (a retried delivery, a breach warning) joins the open alert instead of paging again.
    /// The idempotency key travels in `custom_details`.
    public static func json(for p: NotificationPayload, routingKey: String) throws -> Data {
        let action = action(for: p.kind)
        var event: [String: Any] = [
            "routing_key": routingKey,
            "event_action": action.rawValue,
            "dedup_key": dedupKey(p),
            "client": "Escalator",
        ]
        if action == .trigger {
            var details: [String: Any] = ["escalation": p.escalationID, "account": p.account, "status": p.status,
                                          "kind": p.kind.rawValue, "subject": p.subject]
            if let clock = p.clock { details["clock"] = clock }
            if let level = p.level { details["level"] = level }
            if let key = p.idempotencyKey { details["idempotency_key"] = key }
            if let owner = p.owner { details["owner"] = owner.name }
            event["payload"] = [
                "summary": limited(SafeText.neutralized(p.summary), 1024),
                "source": "escalator",
                "severity": severity(p.severity),
                "timestamp": p.time,
                "component": p.account,
                "class": p.kind.rawValue,
                "custom_details": details,
            ] as [String: Any]
            let links = p.links.compactMap(SlackMessage.webURL).prefix(5).map { ["href": $0, "text": $0] }
            if !links.isEmpty { event["links"] = Array(links) }
        }
        return try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func dedupKey(_ p: NotificationPayload) -> String { limited(p.escalationID, 255) }

    static func limited(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }
}
