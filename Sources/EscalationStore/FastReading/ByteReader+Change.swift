import EscalationKit
import Foundation

/// The store's schema 2 shapes of events and histories (synthesized Codable: an enum case is an
/// object with one key, the case name, holding its labelled values; an unlabelled one is `_0`).
extension ByteReader {
    mutating func event() throws(Unread) -> Event {
        var sequence: Int?, time: Date?, actor: String?, escalation: EscalationID?, expected: Int?, change: Change?
        try fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
            switch key {
            case "sequence": sequence = try r.int()
            case "time": time = try r.date()
            case "actor": actor = try r.string()
            case "escalation": escalation = try r.escalationID()
            case "expectedRevision": expected = try r.int()
            case "change": change = try r.change()
            default: return false
            }
            return true
        }
        return Event(sequence: try required(sequence), time: try required(time), actor: try required(actor),
                     escalation: try required(escalation), expectedRevision: try required(expected), change: try required(change))
    }

    mutating func historyEntry() throws(Unread) -> HistoryEntry {
        var sequence: Int?, time: Date?, actor: String?, change: Change?
        try fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
            switch key {
            case "sequence": sequence = try r.int()
            case "time": time = try r.date()
            case "actor": actor = try r.string()
            case "change": change = try r.change()
            default: return false
            }
            return true
        }
        return HistoryEntry(sequence: try required(sequence), time: try required(time), actor: try required(actor), change: try required(change))
    }

    /// `{"id":…,"history":[…]}`: an escalation line of the snapshot or the archive.
    mutating func storedEscalation() throws(Unread) -> (id: EscalationID, history: [HistoryEntry]) {
        var id: EscalationID?, history: [HistoryEntry]?
        try fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
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
        try object { (r: inout ByteReader, name: String) throws(Unread) in
            keys += 1
            change = try r.changeCase(name)
        }
        // The synthesized decoder refuses an enum object with more or less than one key.
        guard keys == 1 else { throw Unread() }
        return try required(change)
    }

    private mutating func changeCase(_ name: String) throws(Unread) -> Change {
        var values: [String: Value] = [:]
        try fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
            switch (name, key) {
            case ("created", "_0"): values[key] = .draft(try r.draft())
            case ("deescalated", "_0"): values[key] = .deescalation(try r.deescalation())
            case ("edited", "_0"): values[key] = .edit(try r.edit())
            case ("movedBack", "from"), ("movedBack", "to"): values[key] = .status(try r.raw(Status.self))
            case ("severityChanged", "from"), ("severityChanged", "to"): values[key] = .severity(try r.raw(Severity.self))
            case ("tierChanged", "from"), ("tierChanged", "to"): values[key] = .tier(try r.tier())
            case ("categoryChanged", "from"), ("categoryChanged", "to"): values[key] = .category(try r.raw(Category.self))
            case ("progressNoted", "endedStall"): if let d = try r.optional({ (r: inout ByteReader) throws(Unread) in try r.date() }) { values[key] = .date(d) }
            case ("undone", "sequence"): values[key] = .int(try r.int())
            case ("acknowledged", "owner"), ("assigned", "owner"), ("movedBack", "reason"), ("progressNoted", "note"),
                 ("customerUpdated", "note"), ("severityChanged", "reason"), ("tierChanged", "reason"),
                 ("categoryChanged", "team"), ("categoryChanged", "reason"), ("sentimentChanged", "_0"),
                 ("resolved", "resolution"), ("linked", "pattern"), ("undone", "summary"):
                values[key] = .string(try r.string())
            default: return false
            }
            return true
        }
        func text(_ key: String) throws(Unread) -> String { guard case .string(let s)? = values[key] else { throw Unread() }; return s }
        switch name {
        case "created": guard case .draft(let d)? = values["_0"] else { throw Unread() }; return .created(d)
        case "acknowledged": return .acknowledged(owner: try text("owner"))
        case "started": return .started
        case "movedBack":
            guard case .status(let from)? = values["from"], case .status(let to)? = values["to"] else { throw Unread() }
            return .movedBack(from: from, to: to, reason: try text("reason"))
        case "progressNoted":
            var ended: Date?
            if case .date(let d)? = values["endedStall"] { ended = d }
            return .progressNoted(note: try text("note"), endedStall: ended)
        case "customerUpdated": return .customerUpdated(note: try text("note"))
        case "assigned": return .assigned(owner: try text("owner"))
        case "severityChanged":
            guard case .severity(let from)? = values["from"], case .severity(let to)? = values["to"] else { throw Unread() }
            return .severityChanged(from: from, to: to, reason: try text("reason"))
        case "tierChanged":
            guard case .tier(let from)? = values["from"], case .tier(let to)? = values["to"] else { throw Unread() }
            return .tierChanged(from: from, to: to, reason: try text("reason"))
        case "categoryChanged":
            guard case .category(let from)? = values["from"], case .category(let to)? = values["to"] else { throw Unread() }
            return .categoryChanged(from: from, to: to, team: try text("team"), reason: try text("reason"))
        case "sentimentChanged": return .sentimentChanged(Sentiment(rawValue: try text("_0")))
        case "resolved": return .resolved(resolution: try text("resolution"))
        case "closed": return .closed
        case "linked": return .linked(pattern: try text("pattern"))
        case "deescalated": guard case .deescalation(let d)? = values["_0"] else { throw Unread() }; return .deescalated(d)
        case "edited": guard case .edit(let e)? = values["_0"] else { throw Unread() }; return .edited(e)
        case "undone":
            guard case .int(let sequence)? = values["sequence"] else { throw Unread() }
            return .undone(sequence: sequence, summary: try text("summary"))
        default: throw Unread()
        }
    }

    /// One associated value of a change, read before the case is built.
    private enum Value {
        case string(String), int(Int), date(Date), status(Status), severity(Severity), tier(Tier), category(Category)
        case draft(Draft), deescalation(Deescalation), edit(Edit)
    }

    mutating func deescalation() throws(Unread) -> Deescalation {
        var root: String?, fix: String?, confirmed: Bool?, monitoring: Bool?, learning: String?
        try fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
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
        try fields { (r: inout ByteReader, key: String) throws(Unread) -> Bool in
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
