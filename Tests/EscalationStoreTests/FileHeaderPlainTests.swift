import Foundation
import Testing
@testable import EscalationStore

/// The header reader that skips JSONDecoder (issue 14) reads what `line()` writes exactly as
/// JSONDecoder does, and leaves every other shape to JSONDecoder.
@Suite struct FileHeaderPlainTests {
    static let written: [FileHeader] = [
        FileHeader(format: FileHeader.journalFormat, schemaVersion: 2, generation: 2),
        FileHeader(format: FileHeader.archiveFormat, schemaVersion: 1),
        FileHeader(format: FileHeader.snapshotFormat, schemaVersion: 2, generation: 7, lastSequence: 10_100, checksum: "cbe56ce3aa48f3c9",
                   count: 144, lastNumberByYear: [2025: 702, 2026: 298], archiveBytes: 2_520_749),
        FileHeader(format: FileHeader.snapshotFormat, schemaVersion: 2, generation: 0, lastSequence: 0, checksum: "0", count: 0,
                   lastNumberByYear: [:], archiveBytes: 0),
    ]

    @Test(arguments: written)
    func whatLineWritesReadsAsJSONDecoderReadsIt(_ header: FileHeader) throws {
        let line = header.line()
        let plain = try #require(FileHeader.plain(line[...]), "\(String(decoding: line, as: UTF8.self))")
        let decoded = try StoreCoding.decoder(schema: 2).decode(FileHeader.self, from: Data(line))
        #expect(plain == decoded)
        #expect(plain == header)
        #expect(FileHeader.plain(line.dropLast()) == decoded, "without its newline")
    }

    @Test(arguments: [
        #"{"format":"escalator-journal", "schema_version":2}"#,
        #"{"format":"escalator-journal","schema_version":2,"generation":2,"generation":3}"#,
        #"{"format":"escalator-journal","schema_version":2,"colour":"red"}"#,
        #"{"format":"escalator\u002djournal","schema_version":2}"#,
        #"{"format":"escalator-journal","schema_version":-2}"#,
        #"{"format":"escalator-journal","schema_version":2.5}"#,
        #"{"format":"escalator-journal","schema_version":02}"#,
        #"{"format":"escalator-journal","schema_version":2e0}"#,
        #"{"format":"escalator-journal","schema_version":"2"}"#,
        #"{"format":"escalator-journal"}"#,
        #"{"schema_version":2}"#,
        #"{"format":"escalator-journal","schema_version":2}x"#,
        #"{"format":"escalator-journal","schema_version":2"#,
        #"{"format":"escalator-snapshot","schema_version":2,"last_number_by_year":{"2026":1,"2026":2}}"#,
        #"{"format":"escalator-snapshot","schema_version":2,"last_number_by_year":{"year":1}}"#,
        #"{"format":"escalator-snapshot","schema_version":99999999999999999999}"#,
        "",
    ])
    func anyOtherShapeIsLeftToJSONDecoder(_ text: String) {
        #expect(FileHeader.plain(Array(text.utf8)[...]) == nil, "\(text)")
    }
}
