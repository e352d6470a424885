import Foundation

/// Every escalation a store holds, as the replay of its events: the state the store, the command
/// line and the board read.
public struct Ledger: Hashable, Codable, Sendable {
    public private(set) var escalations: [EscalationID: Escalation]
    /// The sequence number of the last event applied.
    public private(set) var lastSequence: Int
    /// The highest number used in each year, so ids are never reused (even after archiving).
    public private(set) var lastNumberByYear: [Int: Int]

    public init() {
        escalations = [:]
        lastSequence = 0
        lastNumberByYear = [:]
    }

    /// The id the next escalation opened at `time` (in `zone`) will get.
    public func nextID(at time: Date, in zone: TimeZone) -> EscalationID {
        let year = CalendarDay(time, in: zone).year
        return EscalationID(year: year, number: (lastNumberByYear[year] ?? 0) + 1)
    }

    public subscript(id: EscalationID) -> Escalation? { escalations[id] }

    /// Applies one committed event; its sequence must follow the last one.
    public mutating func apply(_ event: Event) throws(ReplayError) {
        guard event.sequence == lastSequence + 1 else {
            throw ReplayError(sequence: event.sequence, reason: "expected sequence \(lastSequence + 1)")
        }
        switch event.change {
        case .created(let draft):
            guard escalations[event.escalation] == nil else {
                throw ReplayError(sequence: event.sequence, reason: "\(event.escalation) is created twice")
            }
            escalations[event.escalation] = Escalation(created: event, draft: draft)
            let id = event.escalation
            lastNumberByYear[id.year] = max(lastNumberByYear[id.year] ?? 0, id.number)
        default:
            guard escalations[event.escalation] != nil else {
                throw ReplayError(sequence: event.sequence, reason: "\(event.escalation) does not exist")
            }
            // In place: copying the escalation out and back would copy its whole history.
            try escalations[event.escalation]?.apply(event)
        }
        lastSequence = event.sequence
    }

    /// Steps over an event of an escalation this ledger does not hold, keeping the sequence: a reader
    /// that loaded only some escalations (one command about one escalation) passes the others' events.
    public mutating func pass(over event: Event) throws(ReplayError) {
        guard event.sequence == lastSequence + 1 else {
            throw ReplayError(sequence: event.sequence, reason: "expected sequence \(lastSequence + 1)")
        }
        if case .created = event.change {
            lastNumberByYear[event.escalation.year] = max(lastNumberByYear[event.escalation.year] ?? 0, event.escalation.number)
        }
        lastSequence = event.sequence
    }

    /// Removes escalations (to move them to the archive) while keeping their ids reserved.
    public mutating func remove(_ ids: some Sequence<EscalationID>) {
        for id in ids { escalations[id] = nil }
    }

    /// Puts escalations back (read from the archive) without touching the sequence.
    public mutating func insert(_ archived: some Sequence<Escalation>) {
        for escalation in archived {
            escalations[escalation.id] = escalation
            lastNumberByYear[escalation.id.year] = max(lastNumberByYear[escalation.id.year] ?? 0, escalation.id.number)
        }
    }

    /// Sets the position a snapshot covers, for a ledger rebuilt from one.
    public init(escalations: consuming [Escalation], lastSequence: Int, lastNumberByYear: [Int: Int]) {
        // Moved into the table one by one: mapping to (id, escalation) pairs first copied each
        // escalation (a retain of every field, on memory not touched since it was decoded).
        var table: [EscalationID: Escalation] = [:]
        table.reserveCapacity(escalations.count)
        while let escalation = escalations.popLast() {
            let id = escalation.id
            guard table.updateValue(escalation, forKey: id) == nil else { preconditionFailure("Duplicate values for key: '\(id)'") }
        }
        self.escalations = table
        self.lastSequence = lastSequence
        self.lastNumberByYear = lastNumberByYear
    }
}
