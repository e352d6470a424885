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
         .undone(sequence: 41, summary: "s")]
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
}
