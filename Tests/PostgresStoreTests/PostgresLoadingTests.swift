import EscalationKit
import EscalationStore
import Foundation
import Testing
@testable import PostgresStore

/// Whole-store loads (`demo`, `migrate`): one transaction of batched INSERTs into an empty store, the derived
/// state replayed, the logins truthful.
@Suite(.enabled(if: TestCluster.available, TestCluster.skipReason))
struct PostgresLoadingTests {
    private func demo(_ count: Int = 60) -> [Event] {
        DemoData.events(count: count, open: count / 4, seed: 7, now: Fixture.t0, policy: .standard)
    }

    /// The events as the directory store numbers them, with the logins a source store would have.
    private func numbered(_ events: [Event], login: String?) -> [Event] {
        events.enumerated().map { index, event in
            var event = event
            event.sequence = index + 1
            event.login = login
            return event
        }
    }

    @Test func aLoadReplaysToWhatCommitsWouldHaveMadeAndRecordsTheLoader() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let events = demo()
        let loaded = try test.open().load(trail: events, accounts: [Account(name: "Acme Corp", arr: Money(1))], keepingLogins: false)
        var expected = Ledger()
        for event in numbered(events, login: test.name.user) { try expected.apply(StoredJSON.encode(event).canonical) }
        #expect(loaded == LoadedTrail(events: events.count, escalations: expected.escalations.count, accounts: 1))
        let store = try test.open()
        #expect(store.ledger.lastSequence == events.count)
        for (id, escalation) in store.ledger.escalations { #expect(escalation == expected[id]) }
        #expect(try TestCluster.sql(test.name, "SELECT DISTINCT login::text, (original_login IS NULL)::text FROM escalator.events") == [[test.name.user, "true"]])
        #expect(try TestCluster.sql(test.name, "SELECT last_sequence FROM escalator.head") == [[String(events.count)]])
        #expect(try store.accounts().map(\.name) == ["Acme Corp"])
    }

    @Test func importedEventsKeepTheirOriginalLoginBesideTheImporter() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        var events = numbered(demo(10), login: "carol")
        // An event of an open escalation (the open view shows it) whose source recorded no login.
        var replay = Ledger()
        for event in events { try replay.apply(event) }
        let open = replay.escalations.values.first { $0.isOpen }
        let unknown = try #require(open).history[0].sequence
        events[unknown - 1].login = nil
        try test.open().load(trail: events, accounts: [], keepingLogins: true)
        // The database records the importer; the original is kept apart, and read back as the login.
        #expect(try TestCluster.sql(test.name, "SELECT DISTINCT login::text FROM escalator.events") == [[test.name.user]])
        #expect(try TestCluster.sql(test.name, "SELECT original_login::text FROM escalator.events WHERE sequence = \(unknown)") == [[""]])
        let dumped = try test.open().dumpTrail().events
        #expect(dumped.map(\.login) == events.map(\.login))
        #expect(dumped.map(\.sequence) == Array(1...events.count))
        let store = try test.open()
        // The open view (archived escalations are not in it) shows the same logins.
        let history = store.ledger.escalations.values.flatMap(\.history)
        #expect(history.contains { $0.sequence == unknown && $0.login == nil })
        for entry in history { #expect(entry.login == events[entry.sequence - 1].login, "\(entry.sequence)") }
    }

    @Test func aWriterMayNotClaimOriginalLoginsAndNothingIsLoaded() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let alice = try test.login("alice", in: "escalator_writer")
        do throws(StoreError) {
            try test.open(alice).load(trail: numbered(demo(5), login: "mallory"), accounts: [], keepingLogins: true)
            Issue.record("a writer wrote original logins")
        } catch {
            guard case .denied = error else { Issue.record("\(error)"); return }
        }
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM escalator.events") == [["0"]])
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM escalator.escalations") == [["0"]])
        // Demo data (no original logins) is a writer's to load.
        try test.open(alice).load(trail: demo(5), accounts: [], keepingLogins: false)
        #expect(try TestCluster.sql(test.name, "SELECT DISTINCT login::text FROM escalator.events") == [[alice.user]])
    }

    @Test func aStoreWithEscalationsIsRefusedAndLeftAsItWas() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        let store = try test.open()
        try store.commit(.create(Fixture.draft()), on: nil, context: Fixture.context())
        #expect { try store.load(trail: demo(5), accounts: [], keepingLogins: false) } throws: { error in
            "\(error)".contains("already holds escalations") && "\(error)".contains("Nothing was changed")
        }
        #expect(try TestCluster.sql(test.name, "SELECT count(*) FROM escalator.events") == [["1"]])
    }

    @Test func controlCharactersAndBackslashesArriveIntact() throws {
        let test = try TestCluster.database()
        defer { test.drop() }
        var draft = Fixture.draft("Tab\there, newline\nthere, backslash \\N and \\t, CR\r")
        draft.account = Account(name: "Société Générale \\", arr: Money(1))
        let event = Event(sequence: 1, time: Fixture.t0.addingTimeInterval(0.123), actor: "ali\tce",
                          escalation: EscalationID(year: 2026, number: 1), expectedRevision: 0, change: .created(draft), login: "carol")
        try test.open().load(trail: [event], accounts: [], keepingLogins: true)
        let read = try #require(try test.open().ledger[event.escalation])
        #expect(read.title == draft.title && read.account.name == draft.account.name && read.history[0].actor == "ali\tce")
        #expect(try TestCluster.sql(test.name, "SELECT to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') FROM escalator.events")
                == [["2026-03-10 09:00:00.123"]])
    }
}
