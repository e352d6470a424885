import EscalationKit
import Foundation

/// Reads schema 2 lines without JSONDecoder, which spends most of start-up on generic containers and
/// key dictionaries. Returns nil for anything not in the exact shape the store writes: the caller
/// then reads the line with JSONDecoder, so results and error messages are JSONDecoder's.
enum FastRead {
    static func event(_ payload: ArraySlice<UInt8>) -> Event? {
        read(payload) { (r: inout ByteReader) throws(Unread) in try r.event() }
    }

    static func storedEscalation(_ payload: ArraySlice<UInt8>) -> (id: EscalationID, history: [HistoryEntry])? {
        read(payload) { (r: inout ByteReader) throws(Unread) in try r.storedEscalation() }
    }

    private static func read<T>(_ payload: ArraySlice<UInt8>, _ body: (inout ByteReader) throws(Unread) -> T) -> T? {
        payload.withUnsafeBufferPointer { buffer -> T? in
            var reader = ByteReader(buffer)
            guard let value = try? body(&reader), reader.atEnd() else { return nil }
            return value
        }
    }
}
