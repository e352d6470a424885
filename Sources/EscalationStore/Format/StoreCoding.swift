#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Invocation

/// How the store's JSON is written: sorted keys, ISO 8601 times with milliseconds.
///
/// Schema 1 wrote snake_case keys; schema 2 writes the model's own (camelCase) keys, because
/// converting every key costs JSONDecoder about half its time at start-up. Every file says its
/// schema in its header and is read and appended in that schema, so stores written by schema 1
/// keep working (their snapshot and journal move to schema 2 at the next compaction).
enum StoreCoding {
    /// The schema new files are written in.
    static let schemaVersion = 2
    /// The schemas this binary reads (and appends to).
    static let readable = 1...schemaVersion

    static func encoder(schema: Int) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if schema == 1 { e.keyEncodingStrategy = .convertToSnakeCase }
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(FastTime.stamp(date))
        }
        return e
    }

    static func decoder(schema: Int) -> JSONDecoder {
        let d = JSONDecoder()
        if schema == 1 { d.keyDecodingStrategy = .convertFromSnakeCase }
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = FastTime.parse(text) ?? ISOTime.stored(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        return d
    }

    /// A short reason from a decoding error, for damage messages.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): "\(c.debugDescription) at \(path(c.codingPath))"
        case DecodingError.keyNotFound(let key, let c): "missing \"\(key.stringValue)\" at \(path(c.codingPath))"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c): "\(c.debugDescription) at \(path(c.codingPath))"
        default: "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

/// One worker's JSONEncoder and JSONDecoder, each made on first use: the hand-written reader and
/// writer handle schema 2, so most workers of a batch never need them.
final class LazyCoders {
    let schema: Int
    lazy var encoder = StoreCoding.encoder(schema: schema)
    lazy var decoder = StoreCoding.decoder(schema: schema)
    init(schema: Int) { self.schema = schema }
}
