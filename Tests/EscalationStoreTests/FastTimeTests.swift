import EscalationKit
import Foundation
import Testing
@testable import EscalationStore
import Invocation

/// The hand-written time format and parser agree with ISO8601DateFormatter, which they replace on hot paths.
@Suite struct FastTimeTests {
    static func formatter(fraction: Bool) -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = fraction ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return f
    }

    /// Random times from year 1 to 9999, some with sub-millisecond fractions, some on whole seconds.
    static func randomDates(_ count: Int) -> [Date] {
        var rng = SystemRandomNumberGenerator()
        let low = -62_135_596_800.0, high = 253_402_300_799.0 // 0001-01-01 ... 9999-12-31T23:59:59
        return (0..<count).map { i in
            let t = Double.random(in: low...high, using: &rng)
            switch i % 3 {
            case 0: return Date(timeIntervalSince1970: t.rounded(.down))
            case 1: return Date(timeIntervalSince1970: (t * 1000).rounded() / 1000)
            default: return Date(timeIntervalSince1970: t)
            }
        }
    }

    @Test func formatIsWhatISO8601DateFormatterWrites() {
        let slow = Self.formatter(fraction: true)
        for date in Self.randomDates(20_000) + [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 951_782_400)] {
            #expect(ISOTime.format(date) == slow.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    /// Within the years Escalator accepts; outside them, `parse` refuses (see TimeInputTests).
    @Test func parseReadsWhatISO8601DateFormatterReads() {
        let withFraction = Self.formatter(fraction: true)
        let plain = Self.formatter(fraction: false)
        var inside = 0
        for date in Self.randomDates(20_000) {
            let text = withFraction.string(from: date)
            let whole = plain.string(from: date)
            guard let expected = withFraction.date(from: text), TimeBounds.contains(expected) else {
                #expect(ISOTime.parse(text) == nil, "\(text)")
                continue
            }
            inside += 1
            #expect(ISOTime.parse(text) == expected, "\(text)")
            if let plainDate = plain.date(from: whole), TimeBounds.contains(plainDate) {
                #expect(ISOTime.parse(whole) == plainDate, "\(whole)")
            }
        }
        #expect(inside > 1_000)
    }

    @Test func theStoreFormRoundsToTheMillisecondAndReadsBack() {
        for date in Self.randomDates(5_000) {
            let text = FastTime.stamp(date)
            let back = FastTime.parse(text)!
            #expect(abs(back.timeIntervalSince(date)) <= 0.0005 + 1e-6 * abs(date.timeIntervalSince1970) / 1e6, "\(text)")
            #expect(FastTime.stamp(back) == text)
        }
    }

    @Test func anythingElseIsLeftToTheFormatter() {
        for text in ["2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-10T24:00:00Z", "2026-03-10T09:60:00Z",
                     "2026-03-10 09:00:00Z", "2026-03-10T09:00:00+01:00", "2026-03-10T09:00:00.1234Z", "0000-03-10T09:00:00Z", "2026-02-29T09:00:00Z",
                     "2026-03-1xT09:00:00Z", "2026-03-10"] {
            #expect(FastTime.parse(text) == nil, "\(text)")
        }
        #expect(ISOTime.parse("2026-03-10T10:00:00+01:00") == FastTime.parse("2026-03-10T09:00:00Z"))
        #expect(ISOTime.parse("2026-03-10") == FastTime.parse("2026-03-10T00:00:00Z"))
        #expect(ISOTime.parse("2024-02-29T12:00:00Z") != nil)
    }
}
