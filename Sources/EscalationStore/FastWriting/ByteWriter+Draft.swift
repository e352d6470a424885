import EscalationKit
import Foundation

/// The store's schema 2 shapes of a new escalation's facts, keys in byte order; absent optionals are left out.
extension ByteWriter {
    mutating func draft(_ draft: Draft) throws(Unwritable) {
        try object { (w: inout ByteWriter) throws(Unwritable) in
            w.key("account"); w.account(draft.account)
            w.key("brief"); try w.brief(draft.brief)
            w.key("category"); w.string(draft.category.rawValue)
            if let dimensions = draft.dimensions { w.key("dimensions"); w.dimensions(dimensions) }
            if let owner = draft.owner { w.key("owner"); w.string(owner) }
            if let pattern = draft.pattern { w.key("pattern"); w.string(pattern) }
            if let reopenedFrom = draft.reopenedFrom { w.key("reopenedFrom"); try w.escalationID(reopenedFrom) }
            w.key("sentiment"); w.string(draft.sentiment.rawValue)
            w.key("severity"); w.string(draft.severity.rawValue)
            if let reason = draft.severityOverrideReason { w.key("severityOverrideReason"); w.string(reason) }
            if let suggested = draft.suggestedSeverity { w.key("suggestedSeverity"); w.string(suggested.rawValue) }
            w.key("team"); w.string(draft.team)
            w.key("tier"); w.int(draft.tier.rawValue)
            w.key("title"); w.string(draft.title)
        }
    }

    mutating func account(_ account: Account) {
        object { w in
            w.key("arr"); w.object { w in
                w.key("amount"); w.int(account.arr.amount)
                w.key("currency"); w.string(account.arr.currency)
            }
            if let health = account.healthScore { w.key("healthScore"); w.int(health) }
            w.key("name"); w.string(account.name)
            if let renewal = account.renewal { w.key("renewal"); w.string(renewal.description) }
            w.key("segment"); w.string(account.segment.rawValue)
            w.key("strategic"); w.bool(account.strategic)
        }
    }

    mutating func brief(_ brief: Brief) throws(Unwritable) {
        try object { (w: inout ByteWriter) throws(Unwritable) in
            w.key("ask"); try w.object { (w: inout ByteWriter) throws(Unwritable) in
                if let deadline = brief.ask.deadline { w.key("deadline"); try w.date(deadline) }
                if let kind = brief.ask.kind { w.key("kind"); w.string(kind.rawValue) }
                w.key("text"); w.string(brief.ask.text)
            }
            w.key("attempts"); w.array(brief.attempts) { w, attempt in
                w.object { w in
                    w.key("result"); w.string(attempt.result)
                    w.key("step"); w.string(attempt.step)
                }
            }
            w.key("commercialContext"); w.string(brief.commercialContext)
            w.key("communication"); try w.object { (w: inout ByteWriter) throws(Unwritable) in
                let c = brief.communication
                w.key("escalationRisk"); w.string(c.escalationRisk)
                w.key("expectation"); w.string(c.expectation)
                w.key("lastUpdate"); w.string(c.lastUpdate)
                if let at = c.lastUpdateAt { w.key("lastUpdateAt"); try w.date(at) }
            }
            w.key("description"); w.string(brief.description)
            w.key("impact"); w.string(brief.impact)
            w.key("impactDimensions"); w.object { w in
                let d = brief.impactDimensions
                w.key("breadth"); w.string(d.breadth)
                w.key("contractual"); w.string(d.contractual)
                w.key("depth"); w.string(d.depth)
                w.key("duration"); w.string(d.duration)
                w.key("multipleCustomers"); w.bool(d.multipleCustomers)
                w.key("reputation"); w.string(d.reputation)
                w.key("revenue"); w.string(d.revenue)
            }
            w.key("links"); w.array(brief.links) { w, link in w.string(link) }
            if let r = brief.reproduction {
                w.key("reproduction"); w.object { w in
                    w.key("actual"); w.string(r.actual)
                    w.key("environment"); w.string(r.environment)
                    w.key("expected"); w.string(r.expected)
                    w.key("frequency"); w.string(r.frequency)
                    w.key("steps"); w.array(r.steps) { w, step in w.string(step) }
                }
            }
        }
    }

    mutating func dimensions(_ d: Dimensions) {
        object { w in
            w.key("capability"); w.int(d.capability)
            w.key("impact"); w.int(d.impact)
            w.key("urgency"); w.int(d.urgency)
            w.key("value"); w.int(d.value)
        }
    }

    mutating func deescalation(_ d: Deescalation) {
        object { w in
            w.key("customerConfirmed"); w.bool(d.customerConfirmed)
            w.key("fixApplied"); w.string(d.fixApplied)
            w.key("learning"); w.string(d.learning)
            w.key("monitoringComplete"); w.bool(d.monitoringComplete)
            w.key("rootCause"); w.string(d.rootCause)
        }
    }

    mutating func edit(_ edit: Edit) throws(Unwritable) {
        try object { (w: inout ByteWriter) throws(Unwritable) in
            if let account = edit.account { w.key("account"); w.account(account) }
            if let brief = edit.brief { w.key("brief"); try w.brief(brief) }
            if let dimensions = edit.dimensions { w.key("dimensions"); w.dimensions(dimensions) }
            if let title = edit.title { w.key("title"); w.string(title) }
        }
    }
}
