import EscalationKit
import Foundation

/// The store's schema 2 shapes of events and histories (synthesized Codable: an enum case is an
/// object with one key, the case name, holding its labelled values; an unlabelled one is `_0`).
extension ByteReader {
    mutating func event() throws(Unread) -> Event {
        var sequence: Int?, time: Date?, actor: String?, escalation: EscalationID?, expected: Int?, change: Change?, login: String?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "sequence": sequence = try r.int()
            case "time": time = try r.date()
            case "actor": actor = try r.string()
            case "login": login = r.null() ? nil : try r.string()
            case "escalation": escalation = try r.escalationID()
            case "expectedRevision": expected = try r.int()
            case "change": change = try r.change()
            default: return false
            }
            return true
        }
        return Event(sequence: try required(sequence), time: try required(time), actor: try required(actor),
                     escalation: try required(escalation), expectedRevision: try required(expected), change: try required(change), login: login)
    }

    mutating func historyEntry() throws(Unread) -> HistoryEntry {
        var sequence: Int?, time: Date?, actor: String?, change: Change?, login: String?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "sequence": sequence = try r.int()
            case "time": time = try r.date()
            case "actor": actor = try r.string()
            case "login": login = r.null() ? nil : try r.string()
            case "change": change = try r.change()
            default: return false
            }
            return true
        }
        return HistoryEntry(sequence: try required(sequence), time: try required(time), actor: try required(actor), change: try required(change), login: login)
    }

    /// `{"id":…,"history":[…]}`: an escalation line of the snapshot or the archive.
    mutating func storedEscalation() throws(Unread) -> (id: EscalationID, history: [HistoryEntry]) {
        var id: EscalationID?, history: [HistoryEntry]?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "id": id = try r.escalationID()
            case "history":
                var list: [HistoryEntry] = []
                list.reserveCapacity(12)
                try r.array { (r: inout ByteReader) throws(Unread) in list.append(try r.historyEntry()) }
                history = list
            default: return false
            }
            return true
        }
        return (try required(id), try required(history))
    }

    mutating func change() throws(Unread) -> Change {
        var change: Change?
        var keys = 0
        try object { (r: inout ByteReader, name: Key) throws(Unread) in
            keys += 1
            change = try r.changeCase(name)
        }
        // The synthesized decoder refuses an enum object with more or less than one key.
        guard keys == 1 else { throw Unread() }
        return try required(change)
    }

    private mutating func changeCase(_ name: Key) throws(Unread) -> Change {
        var owner: String?, reason: String?, note: String?, team: String?, resolution: String?, pattern: String?, summary: String?, unlabelled: String?
        var draft: Draft?, deescalation: Deescalation?, edit: Edit?, ended: Date?, sequence: Int?
        var party: WaitParty?, until: Date?
        var status: (from: Status?, to: Status?), severity: (from: Severity?, to: Severity?)
        var tier: (from: Tier?, to: Tier?), category: (from: Category?, to: Category?)
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch (name, key) {
            case ("created", "_0"): draft = try r.draft()
            case ("deescalated", "_0"): deescalation = try r.deescalation()
            case ("edited", "_0"): edit = try r.edit()
            case ("movedBack", "from"): status.from = try r.raw(Status.self)
            case ("movedBack", "to"): status.to = try r.raw(Status.self)
            case ("severityChanged", "from"): severity.from = try r.raw(Severity.self)
            case ("severityChanged", "to"): severity.to = try r.raw(Severity.self)
            case ("tierChanged", "from"): tier.from = try r.tier()
            case ("tierChanged", "to"): tier.to = try r.tier()
            case ("categoryChanged", "from"): category.from = try r.raw(Category.self)
            case ("categoryChanged", "to"): category.to = try r.raw(Category.self)
            case ("progressNoted", "endedStall"): ended = try r.optional { (r: inout ByteReader) throws(Unread) in try r.date() }
            case ("undone", "sequence"): sequence = try r.int()
            case ("waitStarted", "on"): party = try r.raw(WaitParty.self)
            case ("waitStarted", "until"): until = try r.optional { (r: inout ByteReader) throws(Unread) in try r.date() }
            case ("waitStarted", "reason"), ("waitEnded", "reason"): reason = try r.string()
            case ("acknowledged", "owner"), ("assigned", "owner"): owner = try r.string()
            case ("movedBack", "reason"), ("severityChanged", "reason"), ("tierChanged", "reason"), ("categoryChanged", "reason"): reason = try r.string()
            case ("progressNoted", "note"), ("customerUpdated", "note"): note = try r.string()
            case ("categoryChanged", "team"): team = try r.string()
            case ("sentimentChanged", "_0"): unlabelled = try r.string()
            case ("resolved", "resolution"): resolution = try r.string()
            case ("linked", "pattern"): pattern = try r.string()
            case ("undone", "summary"): summary = try r.string()
            default: return false
            }
            return true
        }
        switch name {
        case "created": return .created(try required(draft))
        case "acknowledged": return .acknowledged(owner: try required(owner))
        case "started": return .started
        case "movedBack": return .movedBack(from: try required(status.from), to: try required(status.to), reason: try required(reason))
        case "progressNoted": return .progressNoted(note: try required(note), endedStall: ended)
        case "customerUpdated": return .customerUpdated(note: try required(note))
        case "assigned": return .assigned(owner: try required(owner))
        case "severityChanged": return .severityChanged(from: try required(severity.from), to: try required(severity.to), reason: try required(reason))
        case "tierChanged": return .tierChanged(from: try required(tier.from), to: try required(tier.to), reason: try required(reason))
        case "categoryChanged":
            return .categoryChanged(from: try required(category.from), to: try required(category.to), team: try required(team), reason: try required(reason))
        case "sentimentChanged": return .sentimentChanged(Sentiment(rawValue: try required(unlabelled)))
        case "resolved": return .resolved(resolution: try required(resolution))
        case "closed": return .closed
        case "linked": return .linked(pattern: try required(pattern))
        case "deescalated": return .deescalated(try required(deescalation))
        case "edited": return .edited(try required(edit))
        case "undone": return .undone(sequence: try required(sequence), summary: try required(summary))
        case "waitStarted": return .waitStarted(on: try required(party), reason: try required(reason), until: until)
        case "waitEnded": return .waitEnded(reason: try required(reason))
        default: throw Unread()
        }
    }

    mutating func deescalation() throws(Unread) -> Deescalation {
        var root: String?, fix: String?, confirmed: Bool?, monitoring: Bool?, learning: String?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "rootCause": root = try r.string()
            case "fixApplied": fix = try r.string()
            case "customerConfirmed": confirmed = try r.bool()
            case "monitoringComplete": monitoring = try r.bool()
            case "learning": learning = try r.string()
            default: return false
            }
            return true
        }
        return Deescalation(rootCause: try required(root), fixApplied: try required(fix), customerConfirmed: try required(confirmed),
                            monitoringComplete: try required(monitoring), learning: try required(learning))
    }

    mutating func edit() throws(Unread) -> Edit {
        var title: String?, account: Account?, dimensions: Dimensions?, brief: Brief?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "title": title = try r.optional { (r: inout ByteReader) throws(Unread) in try r.string() }
            case "account": account = try r.optional { (r: inout ByteReader) throws(Unread) in try r.account() }
            case "dimensions": dimensions = try r.optional { (r: inout ByteReader) throws(Unread) in try r.dimensions() }
            case "brief": brief = try r.optional { (r: inout ByteReader) throws(Unread) in try r.brief() }
            default: return false
            }
            return true
        }
        return Edit(title: title, account: account, dimensions: dimensions, brief: brief)
    }
}
