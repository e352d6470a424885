extension FileHeader {
    /// The header as `line()` writes it (compact, keys in order, no escapes), read without
    /// JSONDecoder: a command that reads one escalation would otherwise set up JSONDecoder for this
    /// line alone (about 3 % of `update` and `show`, measured with `perf`). Anything else (a space,
    /// an unknown or repeated key, an escape, a number with a sign, fraction or leading zero)
    /// returns nil, and JSONDecoder reads it and words any problem as before.
    static func plain(_ line: ArraySlice<UInt8>) -> FileHeader? {
        var reader = PlainHeaderReader(bytes: line)
        return reader.header()
    }
}

private struct PlainHeaderReader {
    let bytes: ArraySlice<UInt8>
    var at: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        at = bytes.startIndex
    }

    mutating func header() -> FileHeader? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var format: String?, schemaVersion: Int?, generation: Int?, lastSequence: Int?, checksum: String?
        var count: Int?, lastNumberByYear: [Int: Int]?, archiveBytes: Int?
        var seen: Set<String> = []
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard let key = string(), seen.insert(key).inserted, take(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "format": guard let v = string() else { return nil }; format = v
                case "checksum": guard let v = string() else { return nil }; checksum = v
                case "schema_version": guard let v = integer() else { return nil }; schemaVersion = v
                case "generation": guard let v = integer() else { return nil }; generation = v
                case "last_sequence": guard let v = integer() else { return nil }; lastSequence = v
                case "count": guard let v = integer() else { return nil }; count = v
                case "archive_bytes": guard let v = integer() else { return nil }; archiveBytes = v
                case "last_number_by_year": guard let v = yearNumbers() else { return nil }; lastNumberByYear = v
                default: return nil
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        // A trailing newline is the line's own; anything else after the object is not this shape.
        if at < bytes.endIndex, bytes[at] == UInt8(ascii: "\n") { at += 1 }
        guard at == bytes.endIndex, let format, let schemaVersion else { return nil }
        return FileHeader(format: format, schemaVersion: schemaVersion, generation: generation, lastSequence: lastSequence,
                          checksum: checksum, count: count, lastNumberByYear: lastNumberByYear, archiveBytes: archiveBytes)
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.endIndex, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// A string of printable ASCII without escapes.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = at
        while at < bytes.endIndex, bytes[at] != UInt8(ascii: "\"") {
            guard bytes[at] >= 0x20, bytes[at] < 0x7F, bytes[at] != UInt8(ascii: "\\") else { return nil }
            at += 1
        }
        let end = at
        guard take(UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A non-negative integer of at most 18 digits, no leading zero.
    private mutating func integer() -> Int? {
        let start = at
        var value = 0
        while at < bytes.endIndex, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") {
            guard at - start < 18 else { return nil }  // before it could overflow
            value = value * 10 + Int(bytes[at] - UInt8(ascii: "0"))
            at += 1
        }
        let digits = at - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        // A fraction or exponent would make this a different number.
        if at < bytes.endIndex, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) { return nil }
        return value
    }

    /// `{"2025":702,"2026":298}`: years as string keys, each at most once.
    private mutating func yearNumbers() -> [Int: Int]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var result: [Int: Int] = [:]
        if take(UInt8(ascii: "}")) { return result }
        repeat {
            guard take(UInt8(ascii: "\"")), let year = integer(), take(UInt8(ascii: "\"")), take(UInt8(ascii: ":")),
                  let number = integer(), result.updateValue(number, forKey: year) == nil else { return nil }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        return result
    }
}
