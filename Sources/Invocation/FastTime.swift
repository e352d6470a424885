#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// `2026-03-10T09:00:00.000Z` written and read without a formatter: start-up and `--json` output
/// handle hundreds of thousands of times, and ISO8601DateFormatter builds an ICU formatter each call.
package enum FastTime {
    /// How a time's fraction becomes milliseconds: the store rounds to nearest; ISO8601DateFormatter
    /// adds half a millisecond and drops the rest (so halves round up, also before 1970).
    package enum Millis { case rounded, halfUp }

    /// The first year ISO8601DateFormatter counts in the Gregorian calendar (before, it uses the Julian one).
    package static let gregorianYears = 1583...9999

    /// The time as `YYYY-MM-DDTHH:MM:SS.mmmZ`, or nil outside `years` (callers fall back to a formatter).
    package static func format(_ date: Date, millis mode: Millis = .rounded, years: ClosedRange<Int> = 1...9999) -> String? {
        let exact = date.timeIntervalSince1970 * 1000
        guard exact.isFinite, abs(exact) < 3e14 else { return nil }
        let millis = Int64(mode == .rounded ? exact.rounded() : (exact + 0.5).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let ms = Int(millis - seconds * 1000)
        let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
        let inDay = Int(seconds - Int64(days) * 86400)
        let (y, m, d) = CivilDate.date(fromDays: days)
        guard years.contains(y) else { return nil }
        var out = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int, at start: Int, digits: Int) {
            var v = value
            for i in stride(from: start + digits - 1, through: start, by: -1) {
                out[i] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(y, at: 0, digits: 4); out[4] = 45
        put(m, at: 5, digits: 2); out[7] = 45
        put(d, at: 8, digits: 2); out[10] = 84
        put(inDay / 3600, at: 11, digits: 2); out[13] = 58
        put(inDay / 60 % 60, at: 14, digits: 2); out[16] = 58
        put(inDay % 60, at: 17, digits: 2); out[19] = 46
        put(ms, at: 20, digits: 3); out[23] = 90
        return String(decoding: out, as: UTF8.self)
    }

    /// The store's form of a time: milliseconds rounded; a formatter beyond years 1...9999.
    package static func stamp(_ date: Date) -> String {
        format(date) ?? ISOTime.formatted(date)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS.mmmZ` and `YYYY-MM-DDTHH:MM:SSZ`; anything else returns nil
    /// (the caller falls back to ISOTime, which knows offsets and other fractions).
    package static func parse(_ text: String, years: ClosedRange<Int> = 1...9999) -> Date? {
        var text = text
        return text.withUTF8 { u -> Date? in parse(utf8: u, years: years) }
    }

    /// `parse` on the text's UTF-8 bytes (the store reader has them in hand, without a String).
    package static func parse(utf8 u: UnsafeBufferPointer<UInt8>, years: ClosedRange<Int> = 1...9999) -> Date? {
        guard u.count == 24 || u.count == 20, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58 else { return nil }
        if u.count == 24 { guard u[19] == 46, u[23] == 90 else { return nil } } else { guard u[19] == 90 else { return nil } }
        func num(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for i in from..<(from + count) {
                let c = Int(u[i]) - 48
                guard (0...9).contains(c) else { return nil }
                v = v * 10 + c
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
              let s = num(17, 2), let ms = u.count == 24 ? num(20, 3) : 0,
              years.contains(y), (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d), h < 24, mi < 60, s < 60 else { return nil }
        let seconds = CivilDate.days(year: y, month: mo, day: d) * 86400 + h * 3600 + mi * 60 + s
        return Date(timeIntervalSince1970: Double(seconds * 1000 + ms) / 1000)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
