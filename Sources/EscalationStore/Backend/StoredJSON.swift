import EscalationKit
import Foundation

/// The JSON the directory store writes, for other stores that keep the same events: an event
/// encoded here replays exactly as one read from a journal.
public enum StoredJSON {
    /// The event's line payload as the journal writes it (schema 2), and the event as replay will
    /// read it back (times to the millisecond), so memory and storage agree.
    public static func encode(_ event: Event) throws(StoreError) -> (bytes: [UInt8], canonical: Event) {
        if let fast = FastWrite.event(event) { return (fast.payload, fast.canonical) }
        do {
            let bytes = Array(try StoreCoding.encoder(schema: StoreCoding.schemaVersion).encode(event))
            return (bytes, try decodeEvent(bytes))
        } catch let error as StoreError {
            throw error
        } catch {
            throw .rejected(LifecycleError(.invalidValue, "The event cannot be written: \(error)"))
        }
    }

    public static func decodeEvent(_ bytes: [UInt8]) throws(StoreError) -> Event {
        if let fast = FastRead.event(bytes[...]) { return fast }
        return try decode(Event.self, from: bytes)
    }

    public static func encode<T: Encodable>(_ value: T) throws(StoreError) -> [UInt8] {
        do { return Array(try StoreCoding.encoder(schema: StoreCoding.schemaVersion).encode(value)) } catch {
            throw .rejected(LifecycleError(.invalidValue, "The value cannot be written: \(error)"))
        }
    }

    /// Many stored values at once, on every core with one decoder per worker: a PostgreSQL store's
    /// open reads every open escalation's row, and a decoder made for each row was most of it.
    public static func decodeAll<T: Decodable>(_ type: T.Type, from bodies: [String]) throws(StoreError) -> [T] {
        let results = parallelMap(bodies, minimumChunk: 128, state: { StoreCoding.decoder(schema: StoreCoding.schemaVersion) }) { decoder, body in
            Result<T, StoreError> { () throws(StoreError) -> T in
                do { return try decoder.decode(type, from: Data(body.utf8)) } catch {
                    throw .damaged(path: "stored JSON", location: "\(T.self)", reason: "does not decode (\(error))")
                }
            }
        }
        var values: [T] = []
        values.reserveCapacity(results.count)
        for result in results { values.append(try result.get()) }
        return values
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(StoreError) -> T {
        do { return try StoreCoding.decoder(schema: StoreCoding.schemaVersion).decode(type, from: Data(bytes)) } catch {
            throw .damaged(path: "stored JSON", location: "\(T.self)", reason: "does not decode (\(error))")
        }
    }
}

extension ArchivedSummary {
    /// The summary of an archived escalation kept where it has no archive line (a database row).
    public init(archived e: Escalation) {
        self.init(e, line: 0..<0)
    }
}
