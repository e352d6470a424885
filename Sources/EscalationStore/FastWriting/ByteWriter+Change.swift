import EscalationKit
import Foundation

/// The store's schema 2 shapes of events and histories, keys in byte order (synthesized Codable: an
/// enum case is an object with one key, the case name, holding its labelled values; an unlabelled one is `_0`).
extension ByteWriter {
    mutating func event(_ event: Event) throws(Unwritable) {
        try object { (w: inout ByteWriter) throws(Unwritable) in
            w.key("actor"); w.string(event.actor)
            w.key("change"); try w.change(event.change)
            w.key("escalation"); try w.escalationID(event.escalation)
            w.key("expectedRevision"); w.int(event.expectedRevision)
            if let login = event.login { w.key("login"); w.string(login) }
            w.key("sequence"); w.int(event.sequence)
            w.key("time"); try w.date(event.time)
        }
    }

    mutating func historyEntry(_ entry: HistoryEntry) throws(Unwritable) {
        try object { (w: inout ByteWriter) throws(Unwritable) in
            w.key("actor"); w.string(entry.actor)
            w.key("change"); try w.change(entry.change)
            if let login = entry.login { w.key("login"); w.string(login) }
            w.key("sequence"); w.int(entry.sequence)
            w.key("time"); try w.date(entry.time)
        }
    }

    /// `{"history":[…],"id":…}`: an escalation line of the snapshot or the archive.
    mutating func storedEscalation(id: EscalationID, history: [HistoryEntry]) throws(Unwritable) {
        try object { (w: inout ByteWriter) throws(Unwritable) in
            w.key("history"); try w.array(history) { (w: inout ByteWriter, entry: HistoryEntry) throws(Unwritable) in try w.historyEntry(entry) }
            w.key("id"); try w.escalationID(id)
        }
    }

    mutating func change(_ change: Change) throws(Unwritable) {
        try object { (w: inout ByteWriter) throws(Unwritable) in
            switch change {
            case .created(let draft):
                w.key("created"); try w.object { (w: inout ByteWriter) throws(Unwritable) in w.key("_0"); try w.draft(draft) }
            case .acknowledged(let owner):
                w.key("acknowledged"); w.object { w in w.key("owner"); w.string(owner) }
            case .started:
                w.key("started"); w.object { _ in }
            case .movedBack(let from, let to, let reason):
                w.key("movedBack"); w.object { w in
                    w.key("from"); w.string(from.rawValue)
                    w.key("reason"); w.string(reason)
                    w.key("to"); w.string(to.rawValue)
                }
            case .progressNoted(let note, let endedStall):
                w.key("progressNoted"); try w.object { (w: inout ByteWriter) throws(Unwritable) in
                    if let endedStall { w.key("endedStall"); try w.date(endedStall) }
                    w.key("note"); w.string(note)
                }
            case .customerUpdated(let note):
                w.key("customerUpdated"); w.object { w in w.key("note"); w.string(note) }
            case .assigned(let owner):
                w.key("assigned"); w.object { w in w.key("owner"); w.string(owner) }
            case .severityChanged(let from, let to, let reason):
                w.key("severityChanged"); w.object { w in
                    w.key("from"); w.string(from.rawValue)
                    w.key("reason"); w.string(reason)
                    w.key("to"); w.string(to.rawValue)
                }
            case .tierChanged(let from, let to, let reason):
                w.key("tierChanged"); w.object { w in
                    w.key("from"); w.int(from.rawValue)
                    w.key("reason"); w.string(reason)
                    w.key("to"); w.int(to.rawValue)
                }
            case .categoryChanged(let from, let to, let team, let reason):
                w.key("categoryChanged"); w.object { w in
                    w.key("from"); w.string(from.rawValue)
                    w.key("reason"); w.string(reason)
                    w.key("team"); w.string(team)
                    w.key("to"); w.string(to.rawValue)
                }
            case .sentimentChanged(let sentiment):
                w.key("sentimentChanged"); w.object { w in w.key("_0"); w.string(sentiment.rawValue) }
            case .resolved(let resolution):
                w.key("resolved"); w.object { w in w.key("resolution"); w.string(resolution) }
            case .closed:
                w.key("closed"); w.object { _ in }
            case .linked(let pattern):
                w.key("linked"); w.object { w in w.key("pattern"); w.string(pattern) }
            case .deescalated(let deescalation):
                w.key("deescalated"); w.object { w in w.key("_0"); w.deescalation(deescalation) }
            case .edited(let edit):
                w.key("edited"); try w.object { (w: inout ByteWriter) throws(Unwritable) in w.key("_0"); try w.edit(edit) }
            case .undone(let sequence, let summary):
                w.key("undone"); w.object { w in
                    w.key("sequence"); w.int(sequence)
                    w.key("summary"); w.string(summary)
                }
            case .waitStarted(let party, let reason, let until):
                w.key("waitStarted"); try w.object { (w: inout ByteWriter) throws(Unwritable) in
                    w.key("on"); w.string(party.rawValue)
                    w.key("reason"); w.string(reason)
                    if let until { w.key("until"); try w.date(until) }
                }
            case .waitEnded(let reason):
                w.key("waitEnded"); w.object { w in w.key("reason"); w.string(reason) }
            }
        }
    }
}
