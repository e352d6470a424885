import EscalationKit
import Foundation
import TOMLKit

/// Reads a parsed configuration file into a `Policy`: every key present replaces its default, every
/// key absent keeps it, and every mistake becomes a problem with its line (reading goes on, so one
/// run reports them all).
struct PolicyReader {
    let file: String
    private let text: String
    /// Where each key is written, found only when a problem needs its line: a valid file (every
    /// command reads one) never pays for the scan (about 5 % of `update`, measured with `perf`).
    private var lines: KeyLines?
    var policy = Policy.standard
    private(set) var problems: [ConfigurationError.Problem] = []
    /// Problems in files this one names (the holiday calendar), reported with their own file and line.
    var problemsFromOtherFiles: [ConfigurationError.Problem] = []

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// Reads every section of `root`, then checks what only the whole policy can show.
    mutating func read(_ root: TOMLTable) {
        for (key, value) in entries(root) {
            switch key {
            case "calendar": readCalendar(value)
            case "time_basis": readTimeBasis(value)
            case "categories": readCategories(value)
            case "tiers": readTiers(value)
            case "stall": readStall(value)
            case "cadence": readCadence(value)
            case "warnings": readWarnings(value)
            case "retention": readRetention(value)
            case "teams": readTeams(value)
            case "people": readPeople(value)
            case "scoring": readScoring(value)
            case "hooks": readHooks(value)
            case "chains": readChains(value)
            case "board": readBoard(value)
            default:
                let advice = ConfigurationSchema.section(owning: key).map { "\(key) belongs under [\($0)]" }
                    ?? "the sections are " + ConfigurationSchema.sections.joined(separator: ", ")
                report(key, "unknown section \"\(key)\"" + NearestName.hint(key, among: ConfigurationSchema.sections, otherwise: advice))
            }
        }
        validateWholePolicy()
        validatePeople()
    }

    // MARK: Reporting

    mutating func report(_ path: String, _ message: String) {
        problems.append(.init(file: file, path: path, line: line(of: path), message: message))
    }

    /// The line where `path` (or its nearest written ancestor) is written.
    mutating func line(of path: String) -> Int? {
        if lines == nil { lines = KeyLines(text: text) }
        return lines?.line(of: path)
    }

    /// Reports a key that is not one of `allowed` at `path`, naming the nearest valid key.
    mutating func unknownKey(_ key: String, in path: String, allowed: [String]) {
        let advice = "the keys here are " + allowed.joined(separator: ", ")
        report(path + "." + key, "unknown key \"\(key)\"" + NearestName.hint(key, among: allowed, otherwise: advice))
    }

    // MARK: Typed values

    /// The table's keys and values, in the parser's order (problems are sorted by line at the end).
    func entries(_ table: TOMLTable) -> [(String, TOMLValueConvertible)] {
        table.keys.compactMap { key in table[key].map { (key, $0) } }
    }

    mutating func table(_ value: TOMLValueConvertible, _ path: String) -> TOMLTable? {
        if let table = value.table { return table }
        report(path, "expected a section ([\(path)]) or an inline table ({ ... }), found \(describe(value))")
        return nil
    }

    mutating func string(_ value: TOMLValueConvertible, _ path: String, example: String) -> String? {
        if let text = value.string { return text }
        report(path, "expected text in quotes, e.g. \(example), found \(describe(value))")
        return nil
    }

    mutating func strings(_ value: TOMLValueConvertible, _ path: String, example: String) -> [String]? {
        guard let array = value.array else {
            report(path, "expected a list in brackets, e.g. \(example), found \(describe(value))")
            return nil
        }
        var result: [String] = []
        for element in array {
            guard let text = element.string else {
                report(path, "expected a list of texts in quotes, e.g. \(example), found \(describe(element)) in it")
                return nil
            }
            result.append(text)
        }
        return result
    }

    mutating func int(_ value: TOMLValueConvertible, _ path: String, atLeast minimum: Int) -> Int? {
        guard let number = value.int else {
            report(path, "expected a whole number, e.g. 14, found \(describe(value))")
            return nil
        }
        guard number >= minimum else {
            report(path, "\(number) is too small; write \(minimum) or more")
            return nil
        }
        return number
    }

    mutating func bool(_ value: TOMLValueConvertible, _ path: String) -> Bool? {
        if let flag = value.bool { return flag }
        report(path, "expected true or false (without quotes), found \(describe(value))")
        return nil
    }

    /// A duration such as "4h"; zero, negative and misspelt durations are reported with an example.
    mutating func duration(_ value: TOMLValueConvertible, _ path: String) -> SLATarget? {
        let advice = "write e.g. 4h, 30m, 5d, 2w or eod"
        guard let text = value.string else {
            report(path, "expected a duration in quotes, e.g. \"4h\", found \(describe(value)); \(advice)")
            return nil
        }
        if let target = SLATarget(text) { return target }
        let t = text.trimmedSpaces.lowercased()
        if let unit = t.last, "mhdw".contains(unit), let n = Int(t.dropLast()), n <= 0 {
            report(path, "\"\(text)\" is \(n == 0 ? "zero" : "negative"); a target must be longer than zero, \(advice)")
        } else {
            report(path, "\"\(text)\" is not a duration; \(advice)")
        }
        return nil
    }

    mutating func basis(_ value: TOMLValueConvertible, _ path: String) -> TimeBasis? {
        guard let text = string(value, path, example: "\"business\"") else { return nil }
        if let basis = TimeBasis(rawValue: text) { return basis }
        report(path, "\"\(text)\" is not a time basis; write \"business\" (working hours only) or \"calendar\" (every hour)")
        return nil
    }

    /// "integer 4", "text \"x\"", "a list", "a section".
    func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .table: "a section"
        case .array: "a list"
        case .string: "text \"\(value.string ?? "")\""
        default: "\(value.type) \(value.debugDescription)"
        }
    }
}
