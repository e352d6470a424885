import EscalationKit
import Foundation
import Invocation

/// The fast writer cannot write this value exactly as the store's JSONEncoder would (a time beyond
/// the years 1...9999, an id that would not read back): the caller uses JSONEncoder instead.
struct Unwritable: Error {}

/// Appends JSON to a byte buffer exactly as `StoreCoding.encoder(schema: 2)` writes it: sorted keys
/// (the callers write fields in byte order), no spaces, `/` and non-ASCII as they are, control
/// characters escaped, absent optionals left out, times as `FastTime` stamps.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// `"key":`, after a comma unless it is the object's first key.
    mutating func key(_ name: StaticString) {
        if bytes.last != 123 { bytes.append(44) }
        bytes.append(34)
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(34)
        bytes.append(58)
    }

    /// An object; `body` writes its keys in byte order.
    mutating func object<E: Error>(_ body: (inout ByteWriter) throws(E) -> Void) throws(E) {
        bytes.append(123)
        try body(&self)
        bytes.append(125)
    }

    /// An array of `items`, each written by `element`.
    mutating func array<T, E: Error>(_ items: [T], _ element: (inout ByteWriter, T) throws(E) -> Void) throws(E) {
        bytes.append(91)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(44) }
            try element(&self, item)
        }
        bytes.append(93)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? [116, 114, 117, 101] : [102, 97, 108, 115, 101])
    }

    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(45) }
        var rest = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: 48 + rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// A string as JSONEncoder escapes it: `"` and `\`, the short escapes \b \t \n \f \r, other
    /// controls as `\u00xx` (lower-case hex); everything else, `/` and DEL included, as it is.
    mutating func string(_ value: String) {
        var text = value
        bytes.append(34)
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 32 || byte == 34 || byte == 92 else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 34: bytes.append(contentsOf: [92, 34])
                case 92: bytes.append(contentsOf: [92, 92])
                case 8: bytes.append(contentsOf: [92, 98])
                case 9: bytes.append(contentsOf: [92, 116])
                case 10: bytes.append(contentsOf: [92, 110])
                case 12: bytes.append(contentsOf: [92, 102])
                case 13: bytes.append(contentsOf: [92, 114])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(34)
    }

    /// A time as `FastTime.stamp` writes it (`2026-03-10T09:00:00.000Z`, milliseconds rounded to nearest).
    mutating func date(_ date: Date) throws(Unwritable) {
        guard let millis = StoredTime.milliseconds(date) else { throw Unwritable() }
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let ms = Int(millis - seconds * 1000)
        let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
        let inDay = Int(seconds - Int64(days) * 86400)
        let (y, m, d) = CivilDate.date(fromDays: days)
        guard (1...9999).contains(y) else { throw Unwritable() }
        bytes.append(34)
        digits(y, 4); bytes.append(45)
        digits(m, 2); bytes.append(45)
        digits(d, 2); bytes.append(84)
        digits(inDay / 3600, 2); bytes.append(58)
        digits(inDay / 60 % 60, 2); bytes.append(58)
        digits(inDay % 60, 2); bytes.append(46)
        digits(ms, 3); bytes.append(90)
        bytes.append(34)
    }

    private mutating func digits(_ value: Int, _ count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// An id as its description, which must read back as the same id (`ESC-YYYY-NNNN`, year 1000...9999).
    mutating func escalationID(_ id: EscalationID) throws(Unwritable) {
        guard (1000...9999).contains(id.year), id.number > 0 else { throw Unwritable() }
        string(id.description)
    }
}
