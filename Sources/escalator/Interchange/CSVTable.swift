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
        let columns = header.fields.map { $0.trimmedSpaces.lowercased().replacingOccurrences(of: " ", with: "_") }
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
            records.append(Record(line: row.line, values: Dictionary(zip(columns, row.fields.map { CSV.fromSpreadsheet($0.trimmedSpaces) }), uniquingKeysWith: { a, _ in a })))
        }
        self.records = records
    }
}

/// A CSV file read: its rows, and how its text was read when that was not UTF-8.
struct CSVFile {
    var rows: [CSV.Row]
    /// "Windows-1252" when the file was not UTF-8 (a spreadsheet's "CSV" in Western Europe), else nil.
    var encoding: String?
    /// What the import says about the file's form, e.g. " (read as Windows-1252, separated by semicolons)".
    var remark: String {
        let parts = [encoding.map { "read as \($0)" }, separator == ";" ? "separated by semicolons" : nil].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
    var separator: Unicode.Scalar
}

/// Reads and parses a CSV file, with the file and line in any error. UTF-8 is read as such; any
/// other file as Windows-1252, which is what Excel and most Western European tools write as "CSV"
/// (and a superset of Latin-1's printable characters); a file that is neither is refused with how to
/// save it as UTF-8.
func readCSV(_ path: String) throws -> CSVFile {
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure.badInput("Cannot read \(safe(path)).") }
    var encoding: String?
    let text: String
    if let utf8 = String(data: data, encoding: .utf8) {
        text = utf8
    } else if let western = CSVFile.windows1252(data) {
        text = western
        encoding = "Windows-1252"
    } else {
        throw Failure.badInput("\(safe(path)) is neither UTF-8 nor Windows-1252 text. Save it as UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\") and import it again.")
    }
    let separator = CSV.separator(of: text)
    do {
        return CSVFile(rows: try CSV.parse(text, separator: separator), encoding: encoding, separator: separator)
    } catch {
        throw Failure.badInput("\(safe(path)) \(error.description); nothing was imported.")
    }
}

extension CSVFile {
    /// Windows-1252's 0x80–0x9F, where it differs from Latin-1 (nil: the five bytes it leaves undefined).
    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// `data` decoded as Windows-1252, or nil when it holds a byte that encoding leaves undefined.
    /// Written out because Foundation on Linux decodes Windows-1252 as Latin-1 in that range.
    static func windows1252(_ data: Data) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in data {
            if (0x80...0x9F).contains(byte) {
                guard let value = high[Int(byte) - 0x80], let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}
