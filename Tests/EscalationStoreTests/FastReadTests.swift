import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// The hand-written reader reads exactly what JSONDecoder reads from the store's schema 2 lines,
/// and gives up (so JSONDecoder decides) on anything else.
@Suite struct FastReadTests {
    let encoder = StoreCoding.encoder(schema: 2)
    let decoder = StoreCoding.decoder(schema: 2)

    static let t = Date(timeIntervalSince1970: 1_773_133_200.25)
    static let tricky = "Société Générale 株式会社 🚀 \"quoted\" back\\slash /slash\nnew\tline \u{1} \u{7F} \u{2028}"

    static func fullDraft() -> Draft {
        let brief = Brief(impact: tricky, impactDimensions: ImpactDimensions(breadth: "b", depth: "d", duration: "du", revenue: "r", reputation: "re", contractual: "c", multipleCustomers: true),
                          description: "desc", attempts: [Attempt(step: "s", result: "r"), Attempt(step: "", result: "")],
                          reproduction: Reproduction(steps: ["1", "2"], expected: "e", actual: "a", environment: "env", frequency: "f"),
                          communication: CustomerCommunication(lastUpdate: "u", lastUpdateAt: t, expectation: "x", escalationRisk: "y"),
                          ask: Ask(kind: .decide, text: "t", deadline: t.addingTimeInterval(86_400)), commercialContext: "cc", links: ["l1", "l2"])
        return Draft(title: tricky, account: Account(name: "Ünïcode", arr: Money(-5, "USD"), segment: .enterprise, healthScore: 0,
                                                     renewal: CalendarDay("2027-02-28"), strategic: true),
                     category: .security, severity: .critical, suggestedSeverity: .high, severityOverrideReason: "why", tier: .businessCritical,
                     team: "security", dimensions: Dimensions(impact: 1, value: 5, urgency: 3, capability: 2), brief: brief,
                     sentiment: Sentiment(rawValue: "made_up"), pattern: "p", owner: "o", reopenedFrom: EscalationID(year: 2025, number: 12_345))
    }

    static var everyChange: [Change] {
        [.created(fullDraft()), .created(Draft(title: "", account: Account(name: "", arr: Money(0)), category: .featureGap, severity: .medium, team: "")),
         .acknowledged(owner: tricky), .started, .movedBack(from: .inProgress, to: .routed, reason: "r"),
         .progressNoted(note: "n", endedStall: t), .progressNoted(note: "", endedStall: nil), .customerUpdated(note: "c"), .assigned(owner: "a"),
         .severityChanged(from: .high, to: .critical, reason: "s"), .tierChanged(from: .standard, to: .criticalMultiCustomer, reason: "t"),
         .categoryChanged(from: .productDefect, to: .serviceFailure, team: "sre", reason: "c"), .sentimentChanged(.angry),
         .resolved(resolution: "r"), .closed, .linked(pattern: ""), .deescalated(Deescalation(rootCause: "rc", fixApplied: "f", customerConfirmed: true, monitoringComplete: false, learning: "l")),
         .deescalated(Deescalation()), .edited(Edit()), .edited(Edit(title: "t", account: Account(name: "n", arr: Money(1)), dimensions: Dimensions(impact: 5, value: 5, urgency: 5, capability: 5), brief: Brief())),
         .undone(sequence: 41, summary: "s"),
         .waitStarted(on: .customer, reason: "logs", until: t.addingTimeInterval(3600)), .waitStarted(on: .internal, reason: "", until: nil),
         .waitEnded(reason: "r")]
    }

    @Test func everyChangeReadsAsJSONDecoderReadsIt() throws {
        for (i, change) in Self.everyChange.enumerated() {
            let event = Event(sequence: i + 1, time: Self.t.addingTimeInterval(Double(i) * 0.001), actor: Self.tricky,
                              escalation: EscalationID(year: 2026, number: i + 1), expectedRevision: i, change: change)
            let payload = Array(try encoder.encode(event))
            let slow = try decoder.decode(Event.self, from: Data(payload))
            let fast = FastRead.event(payload[...])
            #expect(fast == slow, "\(String(decoding: payload, as: UTF8.self))")
        }
    }

    @Test func demoHistoriesReadAsJSONDecoderReadsThem() throws {
        let events = DemoData.events(count: 300, open: 60, seed: 7, now: Self.t, policy: .standard)
        var ledger = Ledger()
        for event in events { try ledger.apply(event) }
        for escalation in ledger.escalations.values {
            let stored = EscalationLines.Stored(id: escalation.id, history: escalation.history)
            let payload = Array(try encoder.encode(stored))
            let slow = try decoder.decode(EscalationLines.Stored.self, from: Data(payload))
            let fast = try #require(FastRead.storedEscalation(payload[...]))
            #expect(fast.id == slow.id && fast.history == slow.history)
        }
        for event in events.prefix(500) {
            let payload = Array(try encoder.encode(event))
            #expect(FastRead.event(payload[...]) == (try decoder.decode(Event.self, from: Data(payload))))
        }
    }

    @Test func whatItDoesNotKnowIsLeftToJSONDecoder() throws {
        let good = #"{"actor":"a","change":{"started":{}},"escalation":"ESC-2026-0001","expectedRevision":1,"sequence":2,"time":"2026-03-10T09:00:00.000Z"}"#
        #expect(FastRead.event(Array(good.utf8)[...]) != nil)
        // Unknown keys are skipped, as JSONDecoder skips them.
        let extra = good.replacingOccurrences(of: #""actor":"a","#, with: #""actor":"a","later":{"x":[1,-2,null,true,"s"]},"#)
        #expect(FastRead.event(Array(extra.utf8)[...]) == (try decoder.decode(Event.self, from: Data(extra.utf8))))
        let refused = [
            good.replacingOccurrences(of: #""actor":"a","#, with: ""),                                   // a missing field
            good.replacingOccurrences(of: #"{"started":{}}"#, with: #"{"started":{},"closed":{}}"#),      // two cases
            good.replacingOccurrences(of: #"{"started":{}}"#, with: #"{"begun":{}}"#),                    // an unknown case
            good.replacingOccurrences(of: #""sequence":2"#, with: #""sequence":2.0"#),                   // a fraction
            good.replacingOccurrences(of: #""sequence":2"#, with: #""sequence":02"#),                    // not JSON
            good.replacingOccurrences(of: "09:00:00.000Z", with: "10:00:00+01:00"),                      // another time form
            good.replacingOccurrences(of: "ESC-2026-0001", with: "ESC-26-1"),                            // a bad id
            good + " x",                                                                                   // trailing bytes
            String(good.dropLast()),                                                                       // cut short
        ]
        for text in refused { #expect(FastRead.event(Array(text.utf8)[...]) == nil, "\(text)") }
        // Invalid UTF-8 inside a string.
        var bytes = Array(good.utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "a"))! + 4] = 0xFF
        #expect(FastRead.event(bytes[...]) == nil)
    }

    /// Times, ids and days are parsed from their bytes; spellings the store does not write (escapes,
    /// lower case, a sign) take the String path and read as JSONDecoder reads them, or are left to it.
    @Test func valuesParsedFromBytesAgreeWithJSONDecoder() throws {
        let good = #"{"actor":"a","change":{"started":{}},"escalation":"ESC-2026-0001","expectedRevision":1,"sequence":2,"time":"2026-03-10T09:00:00.000Z"}"#
        let variants = [
            good,
            good.replacingOccurrences(of: "ESC-2026-0001", with: "esc-2026-0001"),                      // lower case
            good.replacingOccurrences(of: "ESC-2026-0001", with: "ESC-2026-123456"),                    // more digits
            good.replacingOccurrences(of: "ESC-2026-0001", with: "ESC-2026-+001"),                      // a sign (the parser takes it)
            good.replacingOccurrences(of: "ESC-2026-0001", with: "ESC-0999-0001"),                      // too early a year
            good.replacingOccurrences(of: "ESC-2026-0001", with: "ESC-2026-0000"),                      // number zero
            good.replacingOccurrences(of: "ESC-2026-0001", with: #"ESC-2026-0001"#),               // an escape
            good.replacingOccurrences(of: "2026-03-10T09", with: #"2026-03-10T09"#),               // an escaped time
            good.replacingOccurrences(of: "09:00:00.000Z", with: "09:00:00Z"),                          // no fraction
            good.replacingOccurrences(of: "2026-03-10T", with: "2026-02-30T"),                          // no such day
            good.replacingOccurrences(of: #""actor""#, with: #""actor""#),                          // an escaped key
            good.replacingOccurrences(of: #""actor""#, with: #""actör""#),                               // a key not in ASCII
        ]
        for text in variants {
            let slow = try? decoder.decode(Event.self, from: Data(text.utf8))
            let fast = FastRead.event(Array(text.utf8)[...])
            // Whatever the fast reader returns is what JSONDecoder returns; nil leaves the line to it.
            if let fast { #expect(fast == slow, "\(text)") }
        }
        #expect(FastRead.event(Array(good.utf8)[...]) != nil)
        #expect(FastRead.event(Array(variants[1].utf8)[...]) == (try decoder.decode(Event.self, from: Data(variants[1].utf8))))
        #expect(FastRead.event(Array(variants[7].utf8)[...]) == (try decoder.decode(Event.self, from: Data(variants[7].utf8))))
        for refused in [4, 5, 9] { #expect(FastRead.event(Array(variants[refused].utf8)[...]) == nil, "\(variants[refused])") }

        let account = Account(name: "n", arr: Money(1), renewal: CalendarDay("2027-02-28"))
        let change = Change.edited(Edit(account: account))
        let event = Event(sequence: 1, time: Self.t, actor: "a", escalation: EscalationID(year: 2026, number: 1), expectedRevision: 0, change: change)
        let text = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(text.contains(#""renewal":"2027-02-28""#))
        for day in ["2027-02-28", #"2027-02-28"#, "2027-02-29", "2027-2-28", "+027-02-28"] {
            let edited = text.replacingOccurrences(of: #""renewal":"2027-02-28""#, with: #""renewal":"\#(day)""#)
            let slow = try? decoder.decode(Event.self, from: Data(edited.utf8))
            let fast = FastRead.event(Array(edited.utf8)[...])
            if let fast { #expect(fast == slow, "\(day)") } else { #expect(slow == nil || day.contains("\\"), "\(day)") }
        }
    }
}
