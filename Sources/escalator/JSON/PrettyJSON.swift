import EscalationStore
import Foundation
import Invocation

/// A value that writes its own `--json` form, byte for byte what `JSONOutput.encoder()` writes for it.
///
/// `list --json` prints thousands of summaries; JSONEncoder builds a tree of boxed values for each
/// and cost a fifth of the command. Conformers write their keys in JSONEncoder's sorted order.
protocol PrettyJSONWritable {
    func write(to json: inout PrettyJSON)
}

/// Pretty-printed JSON in JSONEncoder's layout: two-space indents, `"key" : value`, `/` unescaped,
/// empty arrays as `[`, a blank line and `]`, ISO times with milliseconds.
struct PrettyJSON {
    var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has an element yet (one flag per open container).
    private var started: [Bool] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Writes an object; `body` writes its fields in sorted key order.
    mutating func object(_ body: (inout PrettyJSON) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// Writes an array of `elements`, each written by `element`.
    mutating func array<C: Collection>(_ elements: C, _ element: (inout PrettyJSON, C.Element) -> Void) {
        open(UInt8(ascii: "["))
        for value in elements {
            nextElement()
            element(&self, value)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts the field `key` of the current object; its value is written next.
    mutating func key(_ key: StaticString) {
        nextElement()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), 32, UInt8(ascii: ":"), 32])
    }

    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: StaticString, _ value: Date) { key(name); date(value) }
    mutating func field(_ name: StaticString, _ value: Double) { key(name); double(value) }
    /// Absent values are `null`: every key of a stable shape is present (see `EveryKeyEncodable`).
    mutating func field(_ name: StaticString, _ value: String?) { if let value { field(name, value) } else { null(name) } }
    mutating func field(_ name: StaticString, _ value: Date?) { if let value { field(name, value) } else { null(name) } }
    mutating func field(_ name: StaticString, _ value: Double?) { if let value { field(name, value) } else { null(name) } }
    mutating func field<T: PrettyJSONWritable>(_ name: StaticString, _ value: T?) {
        if let value { key(name); value.write(to: &self) } else { null(name) }
    }
    mutating func null(_ name: StaticString) { key(name); bytes.append(contentsOf: "null".utf8) }
    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        array(values) { json, value in json.string(value) }
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func date(_ value: Date) { string(ISOTime.format(value)) }

    /// As JSONEncoder writes a Double: integral values without a fraction, others as Swift prints them.
    mutating func double(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// A string with JSONEncoder's escapes: quote, backslash, the named control characters, other
    /// control characters as `\u00XX`; everything else (slashes and non-ASCII included) as is.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The elements of a top-level array, each on its own line and separated by commas, without the
    /// brackets: chunks written apart join with a comma between them.
    static func elements<C: Collection>(_ values: C) -> [UInt8] where C.Element: PrettyJSONWritable {
        var json = PrettyJSON(capacity: values.count * 1024)
        json.depth = 1
        json.started = [false]
        for value in values {
            json.nextElement()
            value.write(to: &json)
        }
        return json.bytes
    }

    /// The opening of a top-level array written from `elements` (an empty one has a blank line).
    static func arrayHead(empty: Bool) -> [UInt8] { empty ? Array("[\n".utf8) : [UInt8(ascii: "[")] }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        started.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        // JSONEncoder writes an empty container's newline even without elements: a blank line.
        if started.removeLast() == false { bytes.append(10) }
        depth -= 1
        bytes.append(10)
        indent()
        bytes.append(bracket)
    }

    /// The separator and indent before an element or field.
    private mutating func nextElement() {
        if started[started.count - 1] { bytes.append(UInt8(ascii: ",")) } else { started[started.count - 1] = true }
        bytes.append(10)
        indent()
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(32); bytes.append(32) }
    }
}
