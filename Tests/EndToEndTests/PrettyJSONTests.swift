import EscalationKit
import Foundation
import Testing
@testable import escalator

/// The hand-written `list --json` writer against JSONEncoder, which it replaces: the same bytes.
@Suite struct PrettyJSONTests {
    let now = Date(timeIntervalSince1970: 1_773_133_200)

    func encoderBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try JSONOutput.encoder().encode(value))
    }

    @Test func demoSummariesMatchJSONEncoderByteForByte() throws {
        var ledger = Ledger()
        for event in DemoData.events(count: 400, open: 120, seed: 7, now: now, policy: .standard) { try ledger.apply(event) }
        let summaries = ledger.escalations.values.sorted { $0.id < $1.id }.map { EscalationSummary($0, at: now, policy: .standard) }
        #expect(summaries.contains { $0.nextDeadline != nil } && summaries.contains { $0.flags.isEmpty } && summaries.contains { $0.owner == nil })
        for summary in summaries {
            var json = PrettyJSON()
            summary.write(to: &json)
            // JSONEncoder indents a lone object from the left margin, as `write` does at depth 0.
            #expect(json.bytes == (try encoderBytes(summary)), "\(summary.id)")
        }
        let whole = PrettyJSON.arrayHead(empty: false) + PrettyJSON.elements(summaries) + Array("\n]".utf8)
        #expect(whole == (try encoderBytes(summaries)))
    }

    @Test func oddValuesMatchJSONEncoder() throws {
        var ledger = Ledger()
        for event in DemoData.events(count: 50, open: 50, seed: 3, now: now, policy: .standard) { try ledger.apply(event) }
        let base = try #require(ledger.escalations.values.map { EscalationSummary($0, at: now, policy: .standard) }.first { $0.nextDeadline != nil })
        let texts = ["quote \" back \\ slash / tab \t nl \n cr \r", "\u{1} \u{8} \u{c} \u{1f} \u{7f}", "Ångström 東京 🌿 e\u{301}", ""]
        for (index, text) in texts.enumerated() {
            var s = base
            s.title = text
            s.owner = index.isMultiple(of: 2) ? nil : text
            s.flags = index == 0 ? [] : [text, "x"]
            s.nextDeadline?.warning = [0.5, 1, 0.123456789, 2.5e-7][index]
            s.nextDeadline?.stoppedAt = index == 1 ? nil : Date(timeIntervalSince1970: 1_700_000_000.4567)
            s.arr = [0, -5, Int.max, 1_000_000][index]
            var json = PrettyJSON()
            s.write(to: &json)
            #expect(json.bytes == (try encoderBytes(s)), "\(text.debugDescription)")
        }
    }

    @Test func anEmptyListIsWhatJSONEncoderWrites() throws {
        let empty: [EscalationSummary] = []
        #expect(PrettyJSON.arrayHead(empty: true) + PrettyJSON.elements(empty) + Array("\n]".utf8) == (try encoderBytes(empty)))
    }
}
