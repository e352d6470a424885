import EscalationKit
import Foundation

/// A notification as a Slack incoming-webhook message in Block Kit: the headline as the header, the
/// severity, the clock, the status and the escalation as fields, what happened, and a link. `text`
/// is the fallback Slack shows in a push notification.
public enum SlackMessage {
    /// `link` is the button's target (the configured link for the escalation, else the brief's first
    /// link); nothing but an http or https URL becomes a button.
    public static func json(for p: NotificationPayload, link: String?) throws -> Data {
        var blocks: [[String: Any]] = [
            ["type": "header", "text": ["type": "plain_text", "text": limited(plain(p.summary), 150), "emoji": false]],
            ["type": "section", "fields": [
                field("Severity", p.severity),
                field("Clock", p.clock ?? "none running"),
                field("Status", p.status.replacingOccurrences(of: "_", with: " ")),
                field("Escalation", "\(p.escalationID), \(p.account)"),
            ]],
        ]
        // What happened: the notification's subject, and for the chain the level it tells.
        var what = "*\(escaped(p.kind.rawValue.replacingOccurrences(of: "_", with: " ")))*: \(escaped(plain(p.subject)))"
        if let level = p.level { what += "\n\(escaped(plain(level)))" }
        blocks.append(["type": "section", "text": ["type": "mrkdwn", "text": limited(what, 3000)]])
        if let url = (link ?? p.links.first).flatMap(webURL) {
            blocks.append(["type": "actions", "elements": [
                ["type": "button", "text": ["type": "plain_text", "text": "Open \(p.escalationID)"], "url": url],
            ]])
        }
        let message: [String: Any] = ["text": limited(plain(p.subject), 3000), "blocks": blocks]
        return try JSONSerialization.data(withJSONObject: message, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func field(_ name: String, _ value: String) -> [String: Any] {
        ["type": "mrkdwn", "text": "*\(name)*\n\(escaped(plain(value)))"]
    }

    /// Slack's three control characters in mrkdwn; the rest is literal.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// One line, no control characters: store text never reaches a channel raw.
    static func plain(_ s: String) -> String { SafeText.neutralized(s) }

    static func limited(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }

    /// An http(s) URL fit for a button, else nil.
    static func webURL(_ s: String) -> String? {
        guard HTTPEndpoint(s) != nil, s.count <= 3000 else { return nil }
        return s.trimmedSpaces
    }
}
