import EscalationKit
import Foundation
import Invocation

/// Where notifications wait for their hooks, in whatever store holds the escalations: a store
/// writes each record durably before it returns, and gives the records back in the order written.
/// The delivering itself (running hooks, backoff) is the same for every store, above this.
public protocol Outbox: Sendable {
    /// Appends records, all durably, in order. Concurrent appenders never interleave a record.
    func append(_ records: [OutboxRecord]) throws(StoreError)
    /// Every good record so far, and how many damaged ones were skipped.
    func read() throws(StoreError) -> (records: [OutboxRecord], damaged: Int)
    /// Runs `body` as the one deliverer, waiting at most `timeout` for another; `.busy` then.
    func asDeliverer<T>(timeout: Duration, actor: String, _ body: () throws -> T) throws -> T
    /// True once anything was ever queued (so a store without hooks never gets an outbox).
    var exists: Bool { get }
}

extension Outbox {
    public func state() throws(StoreError) -> (state: OutboxState, damaged: Int) {
        let (records, damaged) = try read()
        return (OutboxState(records), damaged)
    }
}

/// How every store writes an outbox record as JSON: times as `ISOTime` text (to the millisecond),
/// so a record reads back the same from a file line or a database row.
public enum OutboxCoding {
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISOTime.format(date))
        }
        return e
    }

    public static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = ISOTime.parse(text) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a time: \(text)") }
            return date
        }
        return d
    }
}
