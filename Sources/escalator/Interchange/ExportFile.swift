import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// `export --format json`: every escalation with its whole history, which `import` turns back into events.
struct ExportFile: Codable {
    var format = "escalator-export"
    var version = 1
    var exportedAt: Date
    var escalations: [Escalation]

    /// The events that recreate `e` exactly, from its history.
    static func events(recreating e: Escalation) -> [Event] {
        e.history.enumerated().map { index, entry in
            Event(time: entry.time, actor: entry.actor, escalation: e.id, expectedRevision: index, change: entry.change)
        }
    }
}

/// `export --format csv`: one row per escalation, the columns a spreadsheet or CRM wants.
enum ExportCSV {
    static let columns = ["id", "title", "account", "arr", "currency", "segment", "category", "severity", "tier", "status", "owner",
                          "team", "created_at", "acknowledged_at", "resolved_at", "closed_at", "ask", "deadline", "impact", "description", "resolution"]

    static func row(_ e: Escalation, status: Status) -> [String] {
        let t = { (d: Date?) in d.map(ISOTime.format) ?? "" }
        return [e.id.description, e.title, e.account.name, String(e.account.arr.amount), e.account.arr.currency, e.account.segment.rawValue,
                e.category.key, e.severity.rawValue, String(e.tier.rawValue), status.rawValue, e.owner ?? "", e.team,
                t(e.createdAt), t(e.acknowledgedAt), t(e.resolvedAt), t(e.closedAt), e.brief.ask.text, t(e.brief.ask.deadline),
                e.brief.impact, e.brief.description, e.resolution ?? ""]
    }
}
