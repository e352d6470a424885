/// One line of a JSON Lines file with its own checksum: `{"checksum":"<16 hex>","<field>":<payload>}`.
///
/// The checksum covers the payload's bytes exactly, so a flipped byte anywhere is caught before decoding.
enum CheckedLine {
    static func encode(field: String, payload: [UInt8]) -> [UInt8] {
        Array("{\"checksum\":\"\(Checksum.of(payload))\",\"\(field)\":".utf8) + payload + Array("}\n".utf8)
    }

    /// The payload of `line` (without its newline), or the reason it is not a good line. Without
    /// `verifying`, the line's shape is checked but not its checksum (a file checksum covered it).
    static func payload(of line: ArraySlice<UInt8>, field: String, verifying: Bool = true) -> Result<ArraySlice<UInt8>, LineProblem> {
        let prefix = Array("{\"checksum\":\"".utf8)
        let middle = Array("\",\"\(field)\":".utf8)
        let head = prefix.count + 16 + middle.count
        guard line.count > head + 1, line.starts(with: prefix), line.last == UInt8(ascii: "}") else {
            return .failure(.init("not a journal line (expected {\"checksum\":…,\"\(field)\":…})"))
        }
        let start = line.startIndex
        let sum = String(decoding: line[(start + prefix.count)..<(start + prefix.count + 16)], as: UTF8.self)
        guard line[(start + prefix.count + 16)..<(start + head)].elementsEqual(middle) else {
            return .failure(.init("not a journal line (no \"\(field)\" after the checksum)"))
        }
        let payload = line[(start + head)..<(line.endIndex - 1)]
        guard verifying else { return .success(payload) }
        let actual = Checksum.of(payload)
        guard actual == sum else { return .failure(.init("checksum mismatch (line says \(sum), content gives \(actual))")) }
        return .success(payload)
    }

    struct LineProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
