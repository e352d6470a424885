import Foundation

/// Who a draft is for (`escalator draft ID --for customer|team|management|executive`): each reads seed
/// 003's text for that audience, the same text a hook is sent.
public enum DraftAudience: String, CaseIterable, Codable, Sendable {
    case customer, team, management, executive

    public var template: NotificationTemplate {
        switch self {
        case .customer: .customerConfirmation
        case .team: .handoff
        case .management: .managementSummary
        case .executive: .executiveBriefing
        }
    }

    /// "Customer update", for the board's tabs and headings.
    public var title: String {
        switch self {
        case .customer: "Customer update"
        case .team: "Team hand-off"
        case .management: "Management summary"
        case .executive: "Executive briefing"
        }
    }
}

/// A text for a person to send, about an escalation as it stands at `now` (seed 001: "draft a
/// customer-facing update with the current status"). JSON keys: `audience`, `template`,
/// `escalation_id`, `subject`, `body`, `time`.
public struct MessageDraft: Hashable, Codable, Sendable {
    public var audience: DraftAudience
    public var template: NotificationTemplate
    public var escalationID: String
    public var subject: String
    public var body: String
    public var time: String

    enum CodingKeys: String, CodingKey {
        case audience, template, subject, body, time
        case escalationID = "escalation_id"
    }

    public init(for audience: DraftAudience, of e: Escalation, at now: Date, policy: Policy) {
        self.audience = audience
        template = audience.template
        escalationID = e.id.description
        (subject, body) = NotificationMessage.text(audience.template, opening: nil, for: e, at: now, policy: policy)
        time = ReportTime.iso(now)
    }

    /// The subject as a heading, then the body: what `draft` prints and the board copies or writes.
    public var markdown: String { "# \(subject)\n\n\(body)" }

    /// The body as one paragraph, for a customer update logged with `update --customer --from-draft`.
    public var note: String {
        body.split(separator: "\n").map { $0.trimmedSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
