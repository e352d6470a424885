import Foundation

extension HistoryEntry {
    /// One line of a timeline: "2026-03-10 09:40 alice acknowledged — owner Mike Ross" ("alice (by
    /// bob)" when the login bob acted as alice), in the policy
    /// calendar's zone, with control characters neutralized.
    public func sentence(policy: Policy) -> String {
        let named = SafeText.neutralized(actor.trimmed)
        var subject = named.isEmpty ? "someone" : named
        if let login, login != actor { subject += " (by \(SafeText.neutralized(login)))" }
        return "\(ReportTime.minute(time, in: policy.calendar.timeZone)) \(subject) \(change.phrase(policy: policy))"
    }
}

extension Change {
    /// What the change did, as the predicate of a sentence whose subject is the actor:
    /// "acknowledged — owner Mike Ross", "raised the tier from Tier 1 to Tier 3 — customer blocked".
    /// One line, control characters neutralized; team keys and owners are shown by their roster names.
    public func phrase(policy: Policy) -> String {
        func safe(_ s: String) -> String { SafeText.neutralized(s.trimmed) }
        func team(_ key: String) -> String { safe(policy.teams[key]?.name ?? key) }
        func because(_ reason: String) -> String { reason.isEmpty ? "" : " — \(safe(reason))" }
        switch self {
        case .created(let draft):
            let start = draft.reopenedFrom.map { "reopened \($0) and routed it" } ?? "routed it"
            return "\(start) to \(team(draft.team)) — \(draft.severity.rawValue), \(draft.category.key), \(draft.tier)"
        case .acknowledged(let owner):
            return "acknowledged — owner \(safe(policy.people.displayName(owner)))"
        case .started:
            return "started work"
        case .movedBack(let from, let to, let reason):
            return "moved it back from \(from.label) to \(to.label)\(because(reason))"
        case .progressNoted(let note, let endedStall):
            return "logged progress\(endedStall == nil ? "" : ", ending a stall")\(because(note))"
        case .customerUpdated(let note):
            return "updated the customer\(because(note))"
        case .assigned(let owner):
            return "assigned it — owner \(safe(policy.people.displayName(owner)))"
        case .severityChanged(let from, let to, let reason):
            return "\(to < from ? "raised" : "lowered") the severity from \(from.rawValue) to \(to.rawValue)\(because(reason))"
        case .tierChanged(let from, let to, let reason):
            return "\(to > from ? "raised" : "lowered") the tier from \(from) to \(to)\(because(reason))"
        case .categoryChanged(let from, let to, let newTeam, let reason):
            return "changed the category from \(from.key) to \(to.key), now routed to \(team(newTeam))\(because(reason))"
        case .sentimentChanged(let sentiment):
            return "recorded the customer's sentiment as \(safe(sentiment.rawValue))"
        case .resolved(let resolution):
            return "resolved it\(because(resolution))"
        case .closed:
            return "closed it — customer confirmed"
        case .linked(let pattern):
            return pattern.isEmpty ? "removed the pattern link" : "linked it to pattern \(safe(pattern))"
        case .deescalated(let record):
            var details: [String] = []
            if !record.rootCause.isEmpty { details.append("root cause: \(safe(record.rootCause))") }
            if !record.fixApplied.isEmpty { details.append("fix: \(safe(record.fixApplied))") }
            return "de-escalated it" + (details.isEmpty ? "" : " — " + details.joined(separator: "; "))
        case .edited(let edit):
            var fields: [String] = []
            if edit.title != nil { fields.append("title") }
            if edit.account != nil { fields.append("account") }
            if edit.dimensions != nil { fields.append("scores") }
            if edit.brief != nil { fields.append("brief") }
            return "edited the " + (fields.isEmpty ? "escalation" : fields.joined(separator: ", "))
        case .undone(let sequence, let summary):
            return "undid change #\(sequence)\(because(summary))"
        case .waitStarted(let party, let reason, let until):
            let end = until.map { " until \(ReportTime.minute($0, in: policy.calendar.timeZone))" } ?? ""
            return "put it on hold, waiting on \(party.phrase)\(end)\(because(reason))"
        case .waitEnded(let reason):
            return "resumed it\(because(reason))"
        }
    }
}
