import Foundation
import Invocation

/// The fast reader gave up: the line is not in the exact shape it knows, so JSONDecoder reads it
/// instead (and gives the error message, if there is one).
struct Unread: Error {}

/// A forward-only JSON reader over one line's bytes, for the shapes the store's own encoder writes.
///
/// It accepts a strict subset of JSON and returns `Unread` for anything else, never a guess:
/// whatever it reads, JSONDecoder would read the same way.
struct ByteReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        at = 0
    }

    private var current: UInt8 { at < bytes.count ? bytes[at] : 0 }

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 32 || bytes[at] == 10 || bytes[at] == 13 || bytes[at] == 9 { at += 1 }
    }

    private mutating func take(_ byte: UInt8) throws(Unread) {
        skipSpace()
        guard current == byte else { throw Unread() }
        at += 1
    }

    /// True at the end of the input (after spaces).
    mutating func atEnd() -> Bool {
        skipSpace()
        return at == bytes.count
    }

    /// Reads an object, calling `field` with each key; `field` must read (or `skip`) the value.
    mutating func object(_ field: (inout ByteReader, Key) throws(Unread) -> Void) throws(Unread) {
        try take(123)
        skipSpace()
        if current == 125 { at += 1; return }
        while true {
            let key = try self.key()
            try take(58)
            try field(&self, key)
            skipSpace()
            if current == 44 { at += 1; continue }
            try take(125)
            return
        }
    }

    /// Reads an array, calling `element` for each element.
    mutating func array(_ element: (inout ByteReader) throws(Unread) -> Void) throws(Unread) {
        try take(91)
        skipSpace()
        if current == 93 { at += 1; return }
        while true {
            try element(&self)
            skipSpace()
            if current == 44 { at += 1; continue }
            try take(93)
            return
        }
    }

    /// True (and consumed) when the next value is `null`.
    mutating func null() -> Bool {
        skipSpace()
        guard at + 4 <= bytes.count, bytes[at] == 110, bytes[at + 1] == 117, bytes[at + 2] == 108, bytes[at + 3] == 108 else { return false }
        at += 4
        return true
    }

    mutating func bool() throws(Unread) -> Bool {
        skipSpace()
        if at + 4 <= bytes.count, bytes[at] == 116, bytes[at + 1] == 114, bytes[at + 2] == 117, bytes[at + 3] == 101 { at += 4; return true }
        if at + 5 <= bytes.count, bytes[at] == 102, bytes[at + 1] == 97, bytes[at + 2] == 108, bytes[at + 3] == 115, bytes[at + 4] == 101 { at += 5; return false }
        throw Unread()
    }

    /// A whole number written as digits (a fraction or exponent is left to JSONDecoder).
    mutating func int() throws(Unread) -> Int {
        skipSpace()
        let negative = current == 45
        if negative { at += 1 }
        let start = at
        var value = 0
        while at < bytes.count, bytes[at] >= 48, bytes[at] <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(bytes[at] - 48))
            guard !o1, !o2 else { throw Unread() }
            value = s
            at += 1
        }
        guard at > start, at - start == 1 || bytes[start] != 48 else { throw Unread() }
        let next = current
        guard next != 46, next != 101, next != 69 else { throw Unread() }
        return negative ? -value : value
    }

    /// An object key as the bytes between its quotes, compared without building a String (the store
    /// writes keys as plain ASCII; an escape or any other byte is left to JSONDecoder).
    private mutating func key() throws(Unread) -> Key {
        try take(34)
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            if b == 34 {
                at += 1
                return Key(UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]))
            }
            guard b >= 32, b < 128, b != 92 else { throw Unread() }
            at += 1
        }
        throw Unread()
    }

    /// The bytes of the next string when it holds no escape (its quotes consumed), else nil with nothing consumed.
    /// Only for values parsed from ASCII bytes (a time, an id, a day): anything else in them is refused anyway.
    mutating func plainASCII() throws(Unread) -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        guard current == 34 else { throw Unread() }
        var end = at + 1
        while end < bytes.count {
            let b = bytes[end]
            if b == 34 {
                let text = UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end])
                at = end + 1
                return text
            }
            guard b >= 32, b < 128, b != 92 else { return nil }
            end += 1
        }
        throw Unread()
    }

    /// A string; escapes are decoded, bytes that are not valid UTF-8 are left to JSONDecoder.
    mutating func string() throws(Unread) -> String {
        try take(34)
        let start = at
        var ascii = true
        while at < bytes.count {
            let b = bytes[at]
            if b == 34 {
                let text = try Self.text(UnsafeBufferPointer(rebasing: bytes[start..<at]), ascii: ascii)
                at += 1
                return text
            }
            if b == 92 { return try escapedString(from: start) }
            guard b >= 32 else { throw Unread() }
            ascii = ascii && b < 128
            at += 1
        }
        throw Unread()
    }

    /// The string of UTF-8 bytes; invalid UTF-8 (which `String(decoding:)` would repair) is left to JSONDecoder.
    private static func text(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) throws(Unread) -> String {
        if ascii { return String(decoding: utf8, as: UTF8.self) }
        // Validated once; `String(decoding:)` would repair invalid bytes, which JSONDecoder refuses.
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Unread() }
        return text
    }

    private mutating func escapedString(from start: Int) throws(Unread) -> String {
        var out: [UInt8] = Array(bytes[start..<at])
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            switch b {
            case 34:
                return try out.withUnsafeBufferPointer { (buffer) throws(Unread) -> String in try Self.text(buffer, ascii: false) }
            case 92:
                guard at < bytes.count else { throw Unread() }
                let e = bytes[at]
                at += 1
                switch e {
                case 34, 92, 47: out.append(e)
                case 98: out.append(8)
                case 102: out.append(12)
                case 110: out.append(10)
                case 114: out.append(13)
                case 116: out.append(9)
                case 117:
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard at + 2 <= bytes.count, bytes[at] == 92, bytes[at + 1] == 117 else { throw Unread() }
                        at += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Unread() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let s = Unicode.Scalar(scalar) else { throw Unread() }
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                default: throw Unread()
                }
            default:
                guard b >= 32 else { throw Unread() }
                out.append(b)
            }
        }
        throw Unread()
    }

    private mutating func hex4() throws(Unread) -> UInt32 {
        guard at + 4 <= bytes.count else { throw Unread() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[at]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw Unread()
            }
            v = v << 4 | d
            at += 1
        }
        return v
    }

    /// A time in the store's own form (`FastTime`); any other form is left to JSONDecoder.
    mutating func date() throws(Unread) -> Date {
        if let utf8 = try plainASCII() {
            guard let date = FastTime.parse(utf8: utf8) else { throw Unread() }
            return date
        }
        guard let date = FastTime.parse(try string()) else { throw Unread() }
        return date
    }

    /// Skips any value (an unknown key: JSONDecoder ignores it too).
    mutating func skip() throws(Unread) {
        skipSpace()
        switch current {
        case 123: try object { (r: inout ByteReader, _: Key) throws(Unread) in try r.skip() }
        case 91: try array { (r: inout ByteReader) throws(Unread) in try r.skip() }
        case 34: _ = try string()
        case 116, 102: _ = try bool()
        case 110: guard null() else { throw Unread() }
        default: _ = try int()
        }
    }
}
