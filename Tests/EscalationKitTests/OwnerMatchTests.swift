import Foundation
import Testing
@testable import EscalationKit

/// The one rule for finding people by what is typed: login or any part of the name, case and
/// accents ignored, whole words before beginnings of words, ambiguity refused with the candidates.
@Suite struct OwnerMatchTests {
    let roster = Roster(DemoPeople.owners + DemoPeople.reporters + [
        Person(login: "zoe", name: "Zoë Ångström", team: "support"),
        Person(login: "anabel", name: "Anabel Ruiz", team: "support"),
    ])

    func resolved(_ typed: String) -> String? {
        if case .person(let p) = OwnerMatch.resolve(typed, in: roster) { return p.login }
        return nil
    }

    @Test func theLoginOrAnyPartOfTheNameFindsThePerson() {
        for typed in ["lena", "LENA", "Vogel", "lena vogel", "  Lena Vogel ", "vog", "le vo"] {
            #expect(resolved(typed) == "lena", "\(typed)")
        }
        #expect(resolved("zoe") == "zoe")
        #expect(resolved("ANGSTROM") == "zoe", "accents folded")
        #expect(resolved("Zoë Ångström") == "zoe")
    }

    @Test func wholeWordsWinOverBeginnings() {
        // "Ana" is Ana Lima's whole first name and only the beginning of Anabel's.
        #expect(resolved("ana") == "ana")
        #expect(resolved("anab") == "anabel")
        // "lena" is a login; Elena Petrova's name does not start with it.
        #expect(resolved("len") == "lena")
    }

    @Test func anAmbiguousNameListsTheCandidates() {
        guard case .ambiguous(let people) = OwnerMatch.resolve("ha", in: roster) else {
            Issue.record("\"ha\" is Hana Sato or Omar Haddad")
            return
        }
        #expect(people.map(\.login) == ["hana", "omar"])
        let sentence = OwnerMatch.ambiguity("ha", people)
        #expect(sentence == "\"ha\" could be 2 people: Hana Sato (hana), Omar Haddad (omar). Type more of the name, or the login.")
    }

    @Test func someoneOutsideTheRosterIsKeptAsTyped() {
        #expect(OwnerMatch.resolve(" Dana Other ", in: roster) == .unknown("Dana Other"))
        #expect(OwnerMatch.resolve("dana", in: Roster()) == .unknown("dana"))
    }

    @Test func ownersWrittenAsFreeTextBeforeTheRosterStillMatch() {
        #expect(roster.person(forOwner: "Lena Vogel (VP CS)")?.login == "lena")
        #expect(roster.person(forOwner: "lena vogel")?.login == "lena")
        #expect(roster.person(forOwner: "Mike Ross (Eng Lead)")?.login == "mike")
        #expect(roster.displayName("Lena Vogel (VP CS)") == "Lena Vogel")
        #expect(roster.displayName("Dana Other") == "Dana Other")
        for owner in ["lena", "Lena Vogel", "Lena Vogel (VP CS)"] {
            #expect(OwnerMatch.matches("lena", owner: owner, roster: roster), "\(owner)")
            #expect(OwnerMatch.matches("vogel", owner: owner, roster: roster), "\(owner)")
            #expect(OwnerMatch.matches("lena", owner: owner, roster: Roster()), "without a roster, by the text: \(owner)")
        }
        #expect(!OwnerMatch.matches("lena", owner: "elena", roster: roster))
        #expect(!OwnerMatch.matches("mike", owner: "lena", roster: roster))
        #expect(OwnerMatch.matches("vp", owner: "Lena Vogel (VP CS)", roster: roster), "the text as written matches too")
    }

    @Test func aRosterFindsPeopleByLoginAndTeam() {
        #expect(roster[login: "LENA"]?.name == "Lena Vogel")
        #expect(roster.members(ofTeam: "engineering").map(\.login) == ["mike", "omar"])
        #expect(roster[login: "nobody"] == nil)
    }

    @Test func searchTextFoldsAndPlaces() {
        #expect(SearchText.match("zur", in: "Zürich Re Digital") == .prefix)
        #expect(SearchText.match("zur", in: "Basel Zurich") == .inside)
        #expect(SearchText.match("x", in: "Basel") == nil)
        #expect(SearchText.words("Lena Vogel (VP CS)") == ["lena", "vogel", "vp", "cs"])
    }
}

@Suite struct TeamPeopleTests {
    @Test func aTeamsLoginsAreItsLeadItsRosterPeopleAndItsMembersEachOnce() {
        var policy = Policy.standard
        policy.people = Roster([Person(login: "mike", name: "Mike Ross", team: "engineering"),
                                Person(login: "omar", name: "Omar Haddad", team: "engineering"),
                                Person(login: "lena", name: "Lena Vogel", team: "cs_leadership")])
        policy.teams["engineering"]?.lead = "omar"
        policy.teams["engineering"]?.members = ["mike", "dana"]
        #expect(policy.logins(ofTeam: "engineering") == ["omar", "mike", "dana"])
        #expect(policy.logins(ofTeam: "cs_leadership") == ["lena"])
        #expect(policy.logins(ofTeam: "nope").isEmpty)
        #expect(policy.person(login: "Lena")?.name == "Lena Vogel")
    }
}
