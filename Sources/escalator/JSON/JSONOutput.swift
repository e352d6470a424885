import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// `--json` output: stable, snake_case keys, sorted, ISO 8601 times with milliseconds.
enum JSONOutput {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOTime.format(date))
        }
        return encoder
    }

    /// The same bytes as `print(values)`, written by hand on every core in chunks and joined.
    static func printArray<T: PrettyJSONWritable & Sendable>(_ values: [T]) {
        let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, values.count / 512))
        let size = (values.count + chunks - 1) / chunks
        // Each item is a whole chunk: without `minimumChunk: 1` two items would stay on one thread.
        let parts = parallelMap(Array(0..<chunks), chunks: chunks, minimumChunk: 1) { chunk in
            PrettyJSON.elements(values[(chunk * size)..<Swift.min(values.count, (chunk + 1) * size)])
        }
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(16) { $0 + $1.count })
        out += PrettyJSON.arrayHead(empty: values.isEmpty)
        for (index, part) in parts.enumerated() where !part.isEmpty {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += part
        }
        out += Array("\n]\n".utf8)
        FileHandle.standardOutput.write(Data(out))
    }

    static func print<T: Encodable>(_ value: T) throws {
        let data = try encoder().encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// JSON the user gives us (`new --from`, `import`): snake_case keys, ISO 8601 times.
enum JSONInput {
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { d in
            let text = try d.singleValueContainer().decode(String.self)
            switch ISOTime.read(text, named: d.codingPath.last?.stringValue ?? "the time") {
            case .success(let date): return date
            case .failure(let problem): throw DecodingError.dataCorrupted(.init(codingPath: d.codingPath, debugDescription: problem.description))
            }
        }
        return decoder
    }
}
