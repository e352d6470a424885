import EscalationKit
import Foundation
import Testing
@testable import EscalationStore

/// The hand-written writer produces exactly JSONEncoder's bytes for the store's schema 2 lines, and
/// the value it keeps in memory is exactly what replay reads back.
@Suite struct FastWriteTests {
    let encoder = StoreCoding.encoder(schema: 2)
    let decoder = StoreCoding.decoder(schema: 2)

    @Test func randomEventsAreWrittenByteForByteAsJSONEncoderWritesThem() throws {
        var rng = SeededRandom(seed: 2026)
        var cases = Set<String>()
        for i in 0..<3_000 {
            let event = Generated.event(sequence: i + 1, using: &rng)
            cases.insert(Generated.caseName(event.change))
            let expected = Array(try encoder.encode(event))
            let fast = try #require(FastWrite.event(event))
            #expect(fast.payload == expected, "\(String(decoding: expected, as: UTF8.self))\n\(String(decoding: fast.payload, as: UTF8.self))")
            // The value kept in memory is the value both readers read from the line.
            #expect(fast.canonical == (try decoder.decode(Event.self, from: Data(expected))))
            #expect(fast.canonical == FastRead.event(fast.payload[...]))
            // What it wrote is what it was given, as JSONDecoder reads it (times to the millisecond).
            #expect(try decoder.decode(Event.self, from: Data(fast.payload)) == fast.canonical)
        }
        #expect(cases.count == 19, "every Change case was generated: \(cases.sorted())")
    }

    /// Events with every optional field set, everywhere (checked by reflection, so a field added to
    /// a model is caught even before anyone remembers the writer): written as JSONEncoder writes them,
    /// and read back by JSONDecoder as the very value given.
    @Test func valuesWithEveryOptionalSetAreWrittenWholeAndDecodeToThemselves() throws {
        try Generated.$everyOptional.withValue(true) {
            var rng = SeededRandom(seed: 4242)
            var cases = Set<String>()
            for i in 0..<600 {
                let event = Generated.event(sequence: i + 1, using: &rng)
                cases.insert(Generated.caseName(event.change))
                let unset = Reflection.nilOptionals(in: event)
                #expect(unset.isEmpty, "Generated leaves \(unset) empty: set it when everyOptional is on, so that the fast writer is checked on it")
                let expected = Array(try encoder.encode(event))
                let fast = try #require(FastWrite.event(event))
                #expect(fast.payload == expected, "\(String(decoding: expected, as: UTF8.self))\n\(String(decoding: fast.payload, as: UTF8.self))")
                #expect(try decoder.decode(Event.self, from: Data(fast.payload)) == event)
            }
            #expect(cases.count == 19, "every Change case was generated: \(cases.sorted())")
        }
    }

    @Test func reflectionFindsAnUnsetOptionalAtAnyDepth() {
        var brief = Brief()
        brief.ask.deadline = nil
        let paths = Reflection.nilOptionals(in: Change.edited(Edit(title: "t", account: nil, dimensions: nil, brief: brief)))
        #expect(paths.contains { $0.hasSuffix("account") })
        #expect(paths.contains { $0.hasSuffix("ask.deadline") })
    }

    @Test func aLoginIsWrittenOnlyWhenKnownAndReadBackAsJSONDecoderReadsIt() throws {
        let old = Event(sequence: 1, time: Generated.t, actor: "alice", escalation: EscalationID(year: 2026, number: 1),
                        expectedRevision: 0, change: .started)
        var new = old
        new.login = "bob"
        let oldLine = try #require(FastWrite.event(old)).payload
        let newLine = try #require(FastWrite.event(new)).payload
        #expect(!String(decoding: oldLine, as: UTF8.self).contains("login"))
        #expect(String(decoding: newLine, as: UTF8.self).contains(#""login":"bob""#))
        #expect(FastRead.event(newLine[...])?.login == "bob")
        #expect(FastRead.event(oldLine[...]) == old)
        // An explicit null (another writer's choice) reads as no login, as JSONDecoder reads it.
        let withNull = Array(String(decoding: oldLine, as: UTF8.self).replacingOccurrences(of: #""expectedRevision""#, with: #""login":null,"expectedRevision""#).utf8)
        #expect(FastRead.event(withNull[...]) == (try decoder.decode(Event.self, from: Data(withNull))))
        #expect(FastRead.event(withNull[...])?.login == nil)
    }

    @Test func everyControlCharacterAndTrickyTextIsEscapedAsJSONEncoderDoes() throws {
        var text = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        text += Generated.pieces.joined()
        var writer = ByteWriter()
        writer.string(text)
        #expect(writer.bytes == Array(try encoder.encode(text)))
    }

    @Test func storedEscalationsAreWrittenAsJSONEncoderWritesThem() throws {
        let events = DemoData.events(count: 300, open: 60, seed: 7, now: Generated.t, policy: .standard)
        var ledger = Ledger()
        for event in events { try ledger.apply(event) }
        var rng = SeededRandom(seed: 9)
        let history = (0..<40).map { i -> HistoryEntry in
            let e = Generated.event(sequence: i + 1, using: &rng)
            return HistoryEntry(sequence: e.sequence, time: e.time, actor: e.actor, change: e.change, login: e.login)
        }
        let stored = ledger.escalations.values.map { EscalationLines.Stored(id: $0.id, history: $0.history) }
            + [EscalationLines.Stored(id: EscalationID(year: 2026, number: 123_456), history: history)]
        for s in stored {
            let fast = try #require(FastWrite.storedEscalation(id: s.id, history: s.history))
            #expect(fast == Array(try encoder.encode(s)))
        }
        // And a whole snapshot body equals JSONEncoder's, line for line.
        let escalations = ledger.escalations.values.sorted { $0.id < $1.id }
        var slow: [UInt8] = []
        for e in escalations { slow += try EscalationLines.encode(e, with: encoder) }
        #expect(try EscalationLines.encode(escalations, schema: 2) == slow)
    }

    @Test func timesAreRoundedToTheMillisecondAsReplayReadsThem() throws {
        let times: [TimeInterval] = [0, 0.0005, 0.0015, -0.0005, -0.0015, 1_773_133_200.2504999, 1_773_133_200.9999,
                                     -12_219_292_800.0007, -62_135_596_800, 253_402_300_799.999]
        for seconds in times {
            let event = Event(sequence: 1, time: Date(timeIntervalSince1970: seconds), actor: "a",
                              escalation: EscalationID(year: 2026, number: 1), expectedRevision: 1, change: .started)
            let expected = Array(try encoder.encode(event))
            let fast = try #require(FastWrite.event(event), "\(seconds)")
            #expect(fast.payload == expected, "\(String(decoding: expected, as: UTF8.self))")
            #expect(fast.canonical == (try decoder.decode(Event.self, from: Data(expected))), "\(seconds)")
        }
    }

    @Test func whatItCannotVouchForIsLeftToJSONEncoder() throws {
        let base = Event(sequence: 1, time: Generated.t, actor: "a", escalation: EscalationID(year: 2026, number: 1), expectedRevision: 0, change: .started)
        var farFuture = base
        farFuture.time = Date(timeIntervalSince1970: 253_402_300_800) // year 10000
        var badID = base
        badID.escalation = EscalationID(year: 999, number: 1)
        var noNumber = base
        noNumber.escalation = EscalationID(year: 2026, number: 0)
        for event in [farFuture, badID, noNumber] { #expect(FastWrite.event(event) == nil, "\(event)") }
    }

    @Test func aStoreCommitsWhatTheFastWriterDeclines() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let far = Event(time: Date(timeIntervalSince1970: 253_402_300_800), actor: "a", escalation: EscalationID(year: 2026, number: 1),
                        expectedRevision: 0, change: .created(Scratch.draft()))
        let committed = try store.commitBatch([far])
        let reopened = try Store.open(at: scratch.store, policy: .standard)
        #expect(reopened.ledger[EscalationID(year: 2026, number: 1)]?.createdAt == committed[0].time)
    }
}

/// Random events for the writer's tests: every Change case, optional fields present and absent,
/// and text with quotes, backslashes, control characters, emoji, CJK and combining marks.
enum Generated {
    static let t = Date(timeIntervalSince1970: 1_773_133_200)

    /// On: every optional is set and times are whole milliseconds, so a value survives the round trip exactly.
    @TaskLocal static var everyOptional = false

    static let pieces = ["\"", "\\", "/", "\u{0}", "\u{1F}", "\u{7F}", "\n", "\r\n", "\t", "\u{8}", "\u{C}", "\u{B}", "😀", "👩‍👩‍👧", "🇩🇪",
                         "株式会社", "中文", "e\u{301}", "a\u{308}\u{323}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{85}", "\u{10FFFF}",
                         "Société", " ", "plain", "{}", "[\"x\"]", "ESC-2026-0001", "</script>", "'", "\\u0041", ""]

    static func text(_ rng: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...6, using: &rng)).map { _ in rng.pick(pieces) }.joined()
    }

    static func maybe<T>(_ rng: inout SeededRandom, _ make: (inout SeededRandom) -> T) -> T? {
        everyOptional || rng.chance(0.5) ? make(&rng) : nil
    }

    static func time(_ rng: inout SeededRandom) -> Date {
        // Whole and fractional milliseconds, before and after 1970.
        let seconds = Double(Int.random(in: -3_000_000_000...4_000_000_000, using: &rng))
        let fraction = rng.chance(0.3) ? 0 : Double.random(in: 0..<1, using: &rng)
        if everyOptional { return Date(timeIntervalSince1970: Double(Int64(seconds) * 1000 + Int64(fraction * 1000)) / 1000) }
        return Date(timeIntervalSince1970: seconds + fraction)
    }

    static func id(_ rng: inout SeededRandom) -> EscalationID {
        EscalationID(year: Int.random(in: 1000...9999, using: &rng), number: rng.chance(0.5) ? Int.random(in: 1...9999, using: &rng) : Int.random(in: 1...5_000_000, using: &rng))
    }

    static func account(_ rng: inout SeededRandom) -> Account {
        Account(name: text(&rng), arr: Money(Int.random(in: -1_000...Money.maximumAmount, using: &rng), text(&rng)),
                segment: rng.pick(Segment.allCases), healthScore: maybe(&rng) { Int.random(in: 0...100, using: &$0) },
                renewal: maybe(&rng) { CalendarDay(year: Int.random(in: 1...9999, using: &$0), month: Int.random(in: 1...12, using: &$0), day: Int.random(in: 1...28, using: &$0))! },
                strategic: rng.chance(0.5))
    }

    static func dimensions(_ rng: inout SeededRandom) -> Dimensions {
        Dimensions(impact: Int.random(in: 1...5, using: &rng), value: Int.random(in: 1...5, using: &rng),
                   urgency: Int.random(in: 1...5, using: &rng), capability: Int.random(in: 1...5, using: &rng))!
    }

    static func brief(_ rng: inout SeededRandom) -> Brief {
        Brief(impact: text(&rng),
              impactDimensions: ImpactDimensions(breadth: text(&rng), depth: text(&rng), duration: text(&rng), revenue: text(&rng),
                                                 reputation: text(&rng), contractual: text(&rng), multipleCustomers: rng.chance(0.5)),
              description: text(&rng),
              attempts: (0..<Int.random(in: 0...3, using: &rng)).map { _ in Attempt(step: text(&rng), result: text(&rng)) },
              reproduction: maybe(&rng) { r in
                  Reproduction(steps: (0..<Int.random(in: 0...3, using: &r)).map { _ in text(&r) }, expected: text(&r),
                               actual: text(&r), environment: text(&r), frequency: text(&r))
              },
              communication: CustomerCommunication(lastUpdate: text(&rng), lastUpdateAt: maybe(&rng) { time(&$0) }, expectation: text(&rng), escalationRisk: text(&rng)),
              ask: Ask(kind: maybe(&rng) { $0.pick(Ask.Kind.allCases) }, text: text(&rng), deadline: maybe(&rng) { time(&$0) }),
              commercialContext: text(&rng), links: (0..<Int.random(in: 0...3, using: &rng)).map { _ in text(&rng) })
    }

    static func draft(_ rng: inout SeededRandom) -> Draft {
        Draft(title: text(&rng), account: account(&rng), category: rng.pick(Category.allCases), severity: rng.pick(Severity.allCases),
              suggestedSeverity: maybe(&rng) { $0.pick(Severity.allCases) }, severityOverrideReason: maybe(&rng) { text(&$0) },
              tier: rng.pick(Tier.all), team: text(&rng), dimensions: maybe(&rng) { dimensions(&$0) }, brief: brief(&rng),
              sentiment: rng.chance(0.5) ? rng.pick(Sentiment.known) : Sentiment(rawValue: text(&rng)),
              pattern: maybe(&rng) { text(&$0) }, owner: maybe(&rng) { text(&$0) }, reopenedFrom: maybe(&rng) { id(&$0) })
    }

    static func change(_ rng: inout SeededRandom) -> Change {
        switch Int.random(in: 0..<19, using: &rng) {
        case 0: .created(draft(&rng))
        case 1: .acknowledged(owner: text(&rng))
        case 2: .started
        case 3: .movedBack(from: rng.pick(Status.allCases), to: rng.pick(Status.allCases), reason: text(&rng))
        case 4: .progressNoted(note: text(&rng), endedStall: maybe(&rng) { time(&$0) })
        case 5: .customerUpdated(note: text(&rng))
        case 6: .assigned(owner: text(&rng))
        case 7: .severityChanged(from: rng.pick(Severity.allCases), to: rng.pick(Severity.allCases), reason: text(&rng))
        case 8: .tierChanged(from: rng.pick(Tier.all), to: rng.pick(Tier.all), reason: text(&rng))
        case 9: .categoryChanged(from: rng.pick(Category.allCases), to: rng.pick(Category.allCases), team: text(&rng), reason: text(&rng))
        case 10: .sentimentChanged(Sentiment(rawValue: text(&rng)))
        case 11: .resolved(resolution: text(&rng))
        case 12: .closed
        case 13: .linked(pattern: text(&rng))
        case 14: .deescalated(Deescalation(rootCause: text(&rng), fixApplied: text(&rng), customerConfirmed: rng.chance(0.5),
                                           monitoringComplete: rng.chance(0.5), learning: text(&rng)))
        case 15: .edited(Edit(title: maybe(&rng) { text(&$0) }, account: maybe(&rng) { account(&$0) },
                              dimensions: maybe(&rng) { dimensions(&$0) }, brief: maybe(&rng) { brief(&$0) }))
        case 16: .waitStarted(on: rng.pick(WaitParty.allCases), reason: text(&rng), until: maybe(&rng) { time(&$0) })
        case 17: .waitEnded(reason: text(&rng))
        default: .undone(sequence: Int.random(in: Int.min...Int.max, using: &rng), summary: text(&rng))
        }
    }

    static func event(sequence: Int, using rng: inout SeededRandom) -> Event {
        Event(sequence: sequence, time: time(&rng), actor: text(&rng), escalation: id(&rng),
              expectedRevision: Int.random(in: 0...1_000, using: &rng), change: change(&rng),
              login: !everyOptional && Bool.random(using: &rng) ? nil : text(&rng))
    }

    static func caseName(_ change: Change) -> String {
        String(String(describing: change).prefix { $0 != "(" })
    }
}

/// Finds the optionals left nil in a value, at any depth (struct fields, enum payloads, arrays).
enum Reflection {
    static func nilOptionals(in value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first else { return [path] }
            return nilOptionals(in: wrapped.value, path: path)
        }
        // Leaves: text, numbers, times and ids are not taken apart.
        if value is String || value is Date || value is Int || value is Double || value is Bool { return [] }
        var out: [String] = []
        for (index, child) in mirror.children.enumerated() {
            out += nilOptionals(in: child.value, path: path + "." + (child.label ?? String(index)))
        }
        return out
    }
}
