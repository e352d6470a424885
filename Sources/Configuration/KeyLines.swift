import Foundation

/// Where each key of a TOML text is written: maps a dotted key path such as
/// `categories.product_defect.acknowledge` to its 1-based line.
///
/// The TOML parser gives positions only for syntax errors, so semantic problems find their line by
/// scanning the source: table headers (`[a.b]`), `key = value` lines (dotted and quoted keys too),
/// and the keys of one-line inline tables. Multi-line strings and arrays are skipped.
struct KeyLines {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        var depth = 0            // open brackets of a multi-line array
        var inMultilineString: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = String(raw)
            if let quote = inMultilineString {
                if line.contains(quote) { inMultilineString = nil }
                continue
            }
            let code = KeyLines.stripped(line)
            if depth > 0 {
                depth = max(0, depth + KeyLines.bracketBalance(code))
                continue
            }
            let trimmed = code.trimmedSpaces
            if trimmed.isEmpty { continue }
            // Same characters as `trimmed`, with quoted key names intact.
            let original = Array(line.trimmedSpaces)
            if trimmed.hasPrefix("[") {
                let inner = String(original.prefix(trimmed.count)).trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                table = KeyLines.components(inner)
                // `[a.b]` also implies table `a`, which may never get a header of its own.
                for count in 1...max(1, table.count) { record(Array(table.prefix(count)), number) }
                continue
            }
            guard let equals = KeyLines.firstUnquoted("=", in: trimmed) else { continue }
            let key = KeyLines.components(String(original.prefix(trimmed.distance(from: trimmed.startIndex, to: equals))))
            record(table + key, number)
            let value = String(trimmed[trimmed.index(after: equals)...]).trimmedSpaces
            if value.hasPrefix("{") {
                for inner in KeyLines.inlineKeys(value) { record(table + key + [inner], number) }
            }
            for quote in ["\"\"\"", "'''"] where value.hasPrefix(quote) && value.components(separatedBy: quote).count == 2 {
                inMultilineString = quote
            }
            if value.hasPrefix("[") { depth = max(0, KeyLines.bracketBalance(value)) }
        }
    }

    /// The line of `path`, or of its nearest written ancestor (a key inside an inline table, a table
    /// only implied by its sub-tables); nil when nothing on the path is written.
    func line(of path: String) -> Int? {
        var parts = KeyLines.components(path)
        while !parts.isEmpty {
            if let line = lines[parts.joined(separator: ".")] { return line }
            parts.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ number: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = number }
    }

    /// Splits a dotted key into its parts, unquoting quoted parts: `a."b.c"` → a, b.c.
    static func components(_ key: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in key {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmedSpaces)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmedSpaces)
        return parts.filter { !$0.isEmpty }
    }

    /// The line without its comment and with string contents blanked, so brackets and `=` inside
    /// strings do not count.
    static func stripped(_ line: String) -> String {
        var out = ""
        var quote: Character?
        for c in line {
            if let q = quote {
                out.append(c == q ? c : "_")
                if c == q { quote = nil }
            } else if c == "#" {
                break
            } else {
                if c == "\"" || c == "'" { quote = c }
                out.append(c)
            }
        }
        return out
    }

    private static func bracketBalance(_ code: String) -> Int {
        code.reduce(0) { $0 + ($1 == "[" ? 1 : $1 == "]" ? -1 : 0) }
    }

    private static func firstUnquoted(_ target: Character, in text: String) -> String.Index? {
        var quote: Character?
        for i in text.indices {
            let c = text[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == target { return i }
        }
        return nil
    }

    /// The keys of a one-line inline table, `{ critical = "24h", high = "48h" }` → critical, high.
    private static func inlineKeys(_ value: String) -> [String] {
        let body = value.dropFirst().prefix { $0 != "}" }
        return body.split(separator: ",").compactMap { pair in
            guard let equals = pair.firstIndex(of: "=") else { return nil }
            return components(String(pair[..<equals])).first
        }
    }
}
