import EscalationKit
import Foundation

/// A CSV file whose header names its columns: rows read by column name, unknown columns refused.
struct CSVTable {
    struct Record {
        var line: Int
        var values: [String: String]
        subscript(column: String) -> String? { values[column] }
    }

    let columns: [String]
    let records: [Record]

    init(_ rows: [CSV.Row], required: [String], known: [String], file: String) throws {
        guard let header = rows.first else { throw Failure.badInput("\(safe(file)) is empty; the first line must name the columns.") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_") }
        self.columns = columns
        let unknown = columns.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw Failure.badInput("\(safe(file)) line 1: unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "\"\(safe($0))\"" }.joined(separator: ", ")); the columns are \(known.joined(separator: ", ")).")
        }
        let missing = required.filter { !columns.contains($0) }
        guard missing.isEmpty else { throw Failure.badInput("\(safe(file)) line 1: the header lacks \(missing.joined(separator: ", ")).") }
        var records: [Record] = []
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                throw Failure.badInput("\(safe(file)) line \(row.line): \(row.fields.count) fields where the header has \(columns.count); nothing was imported.")
            }
            records.append(Record(line: row.line, values: Dictionary(zip(columns, row.fields.map { $0.trimmingCharacters(in: .whitespaces) }), uniquingKeysWith: { a, _ in a })))
        }
        self.records = records
    }
}

/// Reads and parses a CSV file, with the file and line in any error.
func readCSV(_ path: String) throws -> [CSV.Row] {
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure.badInput("Cannot read \(safe(path)).") }
    guard let text = String(data: data, encoding: .utf8) else { throw Failure.badInput("\(safe(path)) is not UTF-8 text.") }
    do {
        return try CSV.parse(text)
    } catch {
        throw Failure.badInput("\(safe(path)) \(error.description); nothing was imported.")
    }
}
