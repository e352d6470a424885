import EscalationKit
import Foundation
import Testing
@testable import EscalationStore
import Invocation

/// The one check of every time and date a person gives, and the archive rule that must never see
/// a time outside the accepted years.
@Suite struct TimeInputTests {
    private func kind(_ text: String) -> TimeProblem.Kind? {
        if case .failure(let problem) = ISOTime.read(text, named: "ESCALATOR_NOW") { return problem.kind }
        return nil
    }

    @Test func timesThatDoNotExistOrLieOutsideTheYearsAreRefused() {
        #expect(kind("2026-02-30") == .noSuchDay, "a lenient parser stores this as 2 March")
        #expect(kind("2026-02-30T09:00:00Z") == .noSuchDay)
        #expect(kind("2026-02-29T09:00:00+01:00") == .noSuchDay)
        #expect(kind("2026-13-01T09:00:00Z") == .noSuchDay)
        #expect(kind("2026-03-10T24:00:00Z") == .noSuchTime)
        #expect(kind("2026-03-10T09:61:00+02:00") == .noSuchTime)
        #expect(kind("9999-01-01T00:00:00Z") == .outOfRange)
        #expect(kind("0001-01-01T00:00:00Z") == .outOfRange)
        #expect(kind("1999-12-31T23:59:59Z") == .outOfRange)
        #expect(kind("3000-01-01") == .outOfRange)
        #expect(kind("yesterday") == .unreadable)
        #expect(kind("") == .unreadable)
        #expect(ISOTime.parse("2026-02-30") == nil)
    }

    @Test func realTimesInEveryFormStillParse() throws {
        #expect(ISOTime.parse("2026-03-10T09:00:00Z") == Scratch.t0)
        #expect(ISOTime.parse("2026-03-10T09:00:00.000Z") == Scratch.t0)
        #expect(ISOTime.parse("2026-03-10T10:00:00+01:00") == Scratch.t0)
        #expect(ISOTime.parse("2024-02-29T00:00:00Z") != nil)
        #expect(ISOTime.parse("2026-03-10") == Date(timeIntervalSince1970: 1_773_100_800))
        #expect(ISOTime.parse("2000-01-01T00:00:00Z") == TimeBounds.earliest)
        #expect(ISOTime.parse("2999-12-31T23:59:59.999Z") != nil)
    }

    @Test func daysAreCheckedTheSameWay() throws {
        func dayKind(_ text: String) -> TimeProblem.Kind? {
            if case .failure(let problem) = ISOTime.day(text, named: "--date") { return problem.kind }
            return nil
        }
        #expect(dayKind("2026-02-30") == .noSuchDay)
        #expect(dayKind("1999-12-31") == .outOfRange)
        #expect(dayKind("9999-01-01") == .outOfRange)
        #expect(dayKind("2026-3-1") == .unreadable)
        #expect(dayKind("2026-03-10T09:00:00Z") == .unreadable)
        #expect(try ISOTime.day("2026-03-10", named: "--date").get() == CalendarDay(year: 2026, month: 3, day: 10))
    }

    @Test func eachRefusalIsOneSentenceNamingItsSource() {
        let messages = ["2026-02-30", "9999-01-01T00:00:00Z", "soon"].map { text -> String in
            guard case .failure(let problem) = ISOTime.read(text, named: "ESCALATOR_NOW") else { return "" }
            return problem.description
        }
        #expect(messages[0] == "ESCALATOR_NOW \"2026-02-30\" names a day that does not exist.")
        #expect(messages[1] == "ESCALATOR_NOW \"9999-01-01T00:00:00Z\" is outside the dates Escalator accepts (2000-01-01 to 2999-12-31).")
        #expect(messages[2] == "ESCALATOR_NOW \"soon\" is not an ISO 8601 time; use e.g. 2026-03-10T09:00:00Z.")
        #expect(throws: Context.Problem.self) { try Context.fromEnvironment(["ESCALATOR_NOW": "9999-01-01T00:00:00Z"]) }
    }

    /// An older version let an event dated 9999 in; the archive age must not count back from it.
    @Test func anEventDatedOutsideTheYearsDoesNotMoveTheArchiveRule() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        store.compactionThreshold = .max
        let closed = try store.commit(.create(Scratch.draft("Closed minutes ago")), on: nil, context: Scratch.context()).escalation
        for (i, command) in [Command.acknowledge(owner: "Mike"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
            try store.commit(command, on: closed, context: Scratch.context("alice", Double(i + 1) * 60))
        }
        let open = try store.commit(.create(Scratch.draft("Open")), on: nil, context: Scratch.context("alice", 600)).escalation
        let stray = Event(time: Date(timeIntervalSince1970: 253_370_764_800), actor: "old-version", escalation: open,
                          expectedRevision: store.ledger[open]!.revision, change: .progressNoted(note: "from the far future", endedStall: nil))
        try store.commitBatch([stray])
        try store.compact()
        #expect(store.ledger[closed] != nil, "closed minutes before the newest real event: not archived")
        #expect(try store.loadArchive().isEmpty)
    }
}
