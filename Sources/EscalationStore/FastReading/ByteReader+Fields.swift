import EscalationKit
import Foundation

extension ByteReader {
    /// Reads an object whose known keys `field` reads (returning true); unknown keys are skipped, as JSONDecoder does.
    mutating func fields(_ field: (inout ByteReader, String) throws(Unread) -> Bool) throws(Unread) {
        try object { (r: inout ByteReader, key: String) throws(Unread) in
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
        guard let id = EscalationID(try string()) else { throw Unread() }
        return id
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
