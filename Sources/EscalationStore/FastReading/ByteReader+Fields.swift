import EscalationKit
import Foundation

extension ByteReader {
    /// Reads an object whose known keys `field` reads (returning true); unknown keys are skipped, as JSONDecoder does.
    mutating func fields(_ field: (inout ByteReader, Key) throws(Unread) -> Bool) throws(Unread) {
        try object { (r: inout ByteReader, key: Key) throws(Unread) in
            if try !field(&r, key) { try r.skip() }
        }
    }

    /// An optional value: absent or `null` is nil, as `decodeIfPresent` reads it.
    mutating func optional<T>(_ read: (inout ByteReader) throws(Unread) -> T) throws(Unread) -> T? {
        if null() { return nil }
        return try read(&self)
    }

    mutating func strings() throws(Unread) -> [String] {
        var out: [String] = []
        try array { (r: inout ByteReader) throws(Unread) in out.append(try r.string()) }
        return out
    }

    /// A value of a String-backed enum; an unknown raw value is left to JSONDecoder (which refuses it).
    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(Unread) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Unread() }
        return value
    }

    mutating func escalationID() throws(Unread) -> EscalationID {
        if let text = try plainASCII() {
            // `ESC-2026-0342` as the store writes it; any other spelling goes through the parser.
            if text.count >= 13, text.count <= 27, text[0] == 69, text[1] == 83, text[2] == 67, text[3] == 45, text[8] == 45,
               let year = Self.digits(text, 4..<8), let number = Self.digits(text, 9..<text.count), year >= 1000, number > 0 {
                return EscalationID(year: year, number: number)
            }
            guard let id = EscalationID(String(decoding: text, as: UTF8.self)) else { throw Unread() }
            return id
        }
        guard let id = EscalationID(try string()) else { throw Unread() }
        return id
    }

    /// A `YYYY-MM-DD` day, as `CalendarDay(_:)` parses it.
    mutating func calendarDay() throws(Unread) -> CalendarDay {
        if let text = try plainASCII() {
            if text.count == 10, text[4] == 45, text[7] == 45,
               let year = Self.digits(text, 0..<4), let month = Self.digits(text, 5..<7), let day = Self.digits(text, 8..<10) {
                guard let parsed = CalendarDay(year: year, month: month, day: day) else { throw Unread() }
                return parsed
            }
            guard let parsed = CalendarDay(String(decoding: text, as: UTF8.self)) else { throw Unread() }
            return parsed
        }
        guard let parsed = CalendarDay(try string()) else { throw Unread() }
        return parsed
    }

    /// The number written by the ASCII digits at `range` (at most 18 of them), or nil.
    private static func digits(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for i in range {
            let digit = Int(text[i]) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func tier() throws(Unread) -> Tier {
        guard let tier = Tier(rawValue: try int()) else { throw Unread() }
        return tier
    }
}

/// Unwraps the fields an object must have; a missing one is left to JSONDecoder (which names it).
func required<T>(_ value: T?) throws(Unread) -> T {
    guard let value else { throw Unread() }
    return value
}
