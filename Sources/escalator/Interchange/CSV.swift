/// RFC 4180 CSV, as a CRM or support-desk export gives it: quoted fields may hold commas, quotes
/// ("" inside quotes) and line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is ignored.
/// The separator is a comma, or a semicolon as Excel writes CSV where the comma is the decimal mark.
enum CSV {
    struct Row {
        /// The 1-based line on which the record starts, for messages.
        var line: Int
        var fields: [String]
    }

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    /// The separator of `text`: the one of `,` and `;` found more often on its first line outside quotes.
    static func separator(of text: String) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle() } else if !quoted {
                if c == "\n" { break }
                if c == "," { commas += 1 } else if c == ";" { semicolons += 1 }
            }
        }
        return semicolons > commas ? ";" : ","
    }

    static func parse(_ text: String) throws(ParseError) -> [Row] {
        try parse(text, separator: separator(of: text))
    }

    static func parse(_ text: String, separator: Unicode.Scalar) throws(ParseError) -> [Row] {
        var rows: [Row] = []
        var field = ""
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteOpenedAt = 0
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: recordLine, fields: fields)) }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"":
                    guard field.isEmpty else { throw ParseError(line: line, reason: "a quote in the middle of an unquoted field") }
                    inQuotes = true
                    quoteOpenedAt = line
                case separator:
                    fields.append(field)
                    field = ""
                case "\r":
                    break
                case "\n":
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw ParseError(line: quoteOpenedAt, reason: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return rows
    }

    /// The characters that make a spreadsheet read a cell as a formula (or, tab and CR, that
    /// spreadsheets strip before reading one).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet shows as text: a cell that would start a formula (`=HYPERLINK(…)`) gets a
    /// leading apostrophe, as spreadsheets themselves mark text, and so does one whose apostrophes
    /// come before such a character (`'=x`), so that `fromSpreadsheet` gives back exactly what was written. Control characters other than line breaks and tabs become visible
    /// placeholders (U+2400…), as on the terminal.
    static func spreadsheetSafe(_ text: String) -> String {
        let clean = SafeText.neutralized(text, singleLine: false)
        return startsAFormula(afterApostrophes: clean) ? "'" + clean : clean
    }

    /// True when `text`, after any leading apostrophes, starts with a formula character.
    private static func startsAFormula(afterApostrophes text: String) -> Bool {
        text.first { $0 != "'" }.map { formulaStarts.contains($0) } ?? false
    }

    /// The inverse of `spreadsheetSafe`'s apostrophe, for `import` of what `export` wrote.
    static func fromSpreadsheet(_ cell: String) -> String {
        cell.first == "'" && startsAFormula(afterApostrophes: cell) ? String(cell.dropFirst()) : cell
    }

    /// One field, quoted when it needs to be.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import EscalationKit
import Foundation
