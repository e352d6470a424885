import Foundation
import Testing
import EscalationKit
@testable import Board

/// Owners as roster people on the board: "mine" by login, `owner:` and find by any part of the
/// name, the `a` and `o` prompts and `:ack` completing from the roster, ambiguous names refused.
@Suite struct PeopleTests {
    /// The fixture's board with a roster: mike and priya own cards by login, and two cards keep the
    /// free text an older store wrote ("Lena Vogel (VP CS)").
    static func state(actor: String = "lena") -> BoardState {
        var ledger = Fixture.ledger()
        var sequence = ledger.lastSequence
        for (i, id) in ledger.escalations.keys.sorted().prefix(16).enumerated() where ledger[id]!.owner == "jonas" {
            sequence += 1
            try! ledger.apply(Event(sequence: sequence, time: Fixture.now.addingTimeInterval(Double(i - 100)), actor: "alice",
                                    escalation: id, expectedRevision: ledger[id]!.revision, change: .assigned(owner: "Lena Vogel (VP CS)")))
        }
        var policy = Policy.standard
        policy.people = Roster([
            Person(login: "mike", name: "Mike Ross", team: "engineering"),
            Person(login: "priya", name: "Priya Shah", team: "product"),
            Person(login: "lena", name: "Lena Vogel", team: "cs_leadership", email: "lena@example.com", chat: "@lena"),
            Person(login: "hana", name: "Hana Sato", team: "support"),
            Person(login: "omar", name: "Omar Haddad", team: "engineering"),
            Person(login: "zoe", name: "Zoë Ångström", team: "support"),
        ])
        return BoardState(ledger: ledger, policy: policy, now: Fixture.now, storeName: "team-store",
                          size: Size(width: 120, height: 40), actor: actor)
    }

    func shownOwners(_ state: BoardState) -> Set<String?> {
        Set(state.columns.readingOrder.map { state.ledger[$0.id]!.owner })
    }

    @Test func mineIsTheLoginAlsoForOwnersWrittenAsTheirName() {
        var state = Self.state(actor: "lena")
        #expect(state.ledger.escalations.values.contains { $0.owner == "Lena Vogel (VP CS)" })
        state.press(.character("/"), .control("o"))
        let owners = shownOwners(state)
        #expect(owners.contains("Lena Vogel (VP CS)"), "free text naming the roster person is hers: \(owners)")
        #expect(owners.allSatisfy { $0 == "Lena Vogel (VP CS)" || $0 == nil }, "\(owners)")
    }

    @Test func ownerFilterAndFindFollowTheOneRule() {
        var state = Self.state()
        for query in ["owner:lena", "owner:VOGEL", "owner:vog", "owner:Lena Vogel"] {
            state.find = FindState()
            state.press(.character(":"))
            state.typeText("filter " + query)
            state.press(.enter)
            let owners = shownOwners(state)
            #expect(owners == ["Lena Vogel (VP CS)"], "\(query): \(owners)")
        }
        // Free words find a card by its owner's roster name, although the login is stored.
        state.find = FindState()
        state.press(.character("/"))
        state.typeText("ross")
        #expect(!state.columns.readingOrder.isEmpty)
        #expect(shownOwners(state) == ["mike"])
        // Cards show the name, not the login.
        state.press(.escape)
        #expect(BoardView.render(state).plainText.contains("Mike Ross"))
    }

    @Test func thePromptsCompleteFromTheRosterAndRefuseAnAmbiguousName() {
        var state = Self.state()
        let routed = state.columns[.routed].first!.id
        state.selection = routed
        state.press(.character("a"))
        state.typeText("vog")
        state.press(.tab)
        #expect(state.prompt?.text == "lena", "a part of the name completes to the login")
        state.press(.control("u"))
        state.typeText("ha")
        state.press(.tab)
        #expect(state.prompt?.text == "ha")
        #expect(state.message?.text.contains("hana Hana Sato") == true && state.message?.text.contains("omar Omar Haddad") == true,
                "\(String(describing: state.message))")
        let effects = state.press(.enter)
        #expect(effects.isEmpty, "an ambiguous name is not sent")
        #expect(state.prompt != nil)
        #expect(state.message?.isError == true && state.message!.text.contains("Hana Sato (hana)") && state.message!.text.contains("Omar Haddad (omar)"))
        state.press(.control("u"))
        state.typeText("zoe angstrom")
        #expect(state.press(.enter) == [.commit([.acknowledge(owner: "zoe")], routed)], "accents and case are folded")
    }

    @Test func anUnknownNameIsKeptAsTypedWithAWarning() throws {
        var state = Self.state()
        let routed = state.columns[.routed].first!.id
        state.selection = routed
        state.press(.character("a"))
        state.typeText("Dana Other")
        let effects = state.press(.enter)
        #expect(effects == [.commit([.acknowledge(owner: "Dana Other")], routed)])
        let e = state.ledger[routed]!
        _ = state.handle(.committed([Event(sequence: state.ledger.lastSequence + 1, time: Fixture.now, actor: "lena",
                                           escalation: routed, expectedRevision: e.revision, change: .acknowledged(owner: "Dana Other"))]))
        #expect(state.message?.text.contains("\"Dana Other\" is not in the roster; kept as typed") == true, "\(String(describing: state.message))")
    }

    @Test func theCommandLineCompletesAndResolvesOwnersFromTheRoster() {
        var state = Self.state()
        state.selection = state.columns[.routed].first!.id
        state.press(.character(":"))
        state.typeText("ack ")
        state.press(.tab)
        #expect(state.commandLine.candidates == ["hana Hana Sato", "lena Lena Vogel", "mike Mike Ross", "omar Omar Haddad",
                                                 "priya Priya Shah", "zoe Zoë Ångström"],
                "the roster, not the reporters seen on cards: \(state.commandLine.candidates)")
        state.typeText("ross")
        state.press(.tab)
        #expect(state.commandLine.text == "ack mike ")
        state.press(.control("u"))
        state.typeText("filter owner:pri")
        state.press(.tab)
        #expect(state.commandLine.text == "filter owner:priya ")
        state.press(.control("u"))
        state.typeText("assign Mike Ross")
        #expect(state.press(.enter) == [.commit([.assign(owner: "mike")], state.selection!)], "a full name is stored as the login")
    }
}
