import Foundation
import Testing
import EscalationKit
@testable import Board

/// Find (`/`), the quick filters, `n`/`N` and the sort orders.
@Suite struct FindTests {
    /// Every escalation on the unfiltered board, for checking what a filter keeps against the truth.
    func all(_ state: BoardState) -> [(Status, Escalation)] {
        var plain = state
        plain.find = FindState()
        return Status.allCases.flatMap { s in plain.columns[s].map { (s, $0) } }
    }

    @Test func typingFiltersAcrossIdAccountTitleAndOwnerAsYouType() {
        var state = Fixture.state()
        state.press(.character("/"))
        #expect(state.find.isTyping)
        state.type("hoo")
        let shown = state.columns.readingOrder.map(\.id)
        #expect(shown.count == 2)
        #expect(shown.allSatisfy { state.ledger[$0]!.account.name.hasPrefix("Hooli") })
        #expect(state.columns[.resolved].count == 1 && state.columns[.stalled].count == 1, "counts per column follow the filter")
        #expect(shown.contains(state.selection!), "the cursor lands on a match")
        let screen = BoardView.render(state).plainText
        #expect(screen.contains("Stalled 1") && screen.contains("Routed 0"))
        #expect(screen.contains("/hoo") && screen.contains("2 matches"))

        state.press(.backspace, .backspace, .backspace)
        #expect(state.columns.readingOrder.count == all(state).count, "an empty query filters nothing")
        state.type("ESC-2026-0003")
        #expect(state.columns.readingOrder.map(\.id) == [EscalationID(year: 2026, number: 3)], "ids match")
        state.press(.control("u"))
        state.type("PRIYA")
        #expect(state.columns.readingOrder.allSatisfy { state.ledger[$0.id]!.owner == "priya" }, "owners match, case ignored")
        #expect(!state.columns.readingOrder.isEmpty)
        state.press(.control("u"))
        state.type("number 12")
        #expect(state.columns.readingOrder.map(\.id) == [EscalationID(year: 2026, number: 12)], "titles match, every word must")
        state.press(.control("u"))
        state.type("societe")
        #expect(state.columns.readingOrder.count == 2, "accents are ignored: Société")
    }

    @Test func enterKeepsTheFilterAndEscClearsIt() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("globex")
        state.press(.enter)
        #expect(!state.find.isTyping && state.find.query == "globex")
        #expect(state.message?.text.hasPrefix("2 matches") == true)
        #expect(BoardView.render(state).plainText.contains("filter: globex"))
        state.press(.escape)
        #expect(!state.find.isActive)
        #expect(BoardView.render(state).plainText.contains("filter: none"))
        state.press(.character("/"))
        state.type("zz-nothing")
        #expect(state.selection == nil)
        #expect(BoardView.render(state).plainText.contains("Nothing matches the filter"))
        state.press(.escape)
        #expect(!state.find.isActive && !state.find.isTyping && state.selection != nil)
    }

    @Test func quickFiltersKeepExactlyWhatTheyName() {
        var state = Fixture.state()
        state.actor = "mike"
        state.press(.character("/"))
        let checks: [(Key, QuickFilter, (Status, Escalation) -> Bool)] = [
            (.control("o"), .mine, { $1.owner == "mike" || $1.reporter == "mike" }),
            (.control("r"), .critical, { $1.severity == .critical }),
            (.control("t"), .stalled, { s, _ in s == .stalled }),
            (.control("d"), .due, { CardFacts($1, policy: Fixture.policy, now: Fixture.now).flags.contains(.updateDue) }),
            (.control("b"), .breaching, { _, e in
                let f = CardFacts(e, policy: Fixture.policy, now: Fixture.now)
                return f.clockRole == .breached || f.flags.contains(.breachWarning)
            }),
        ]
        for (key, quick, truth) in checks {
            state.press(key)
            #expect(state.find.query.contains("is:\(quick.rawValue)"))
            let expected = all(state).filter(truth).map(\.1.id)
            #expect(Set(state.columns.readingOrder.map(\.id)) == Set(expected), "\(quick)")
            #expect(!expected.isEmpty || quick == .due, "the fixture has some \(quick)")
            state.press(key)
            #expect(!state.find.isActive, "the same key turns \(quick) off")
        }
        // Combined: critical and mine.
        state.press(.control("r"), .control("o"))
        #expect(state.columns.readingOrder.allSatisfy { state.ledger[$0.id]!.severity == .critical && state.ledger[$0.id]!.owner == "mike" })
        state.actor = "alice"
        #expect(state.columns.readingOrder.count == all(state).filter { $0.1.severity == .critical }.count, "alice reported them all")
    }

    @Test func nextAndPreviousMatchWalkTheBoardInReadingOrder() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("eu")
        state.press(.enter)
        let order = state.columns.readingOrder
        #expect(order.count >= 4)
        var visited: [EscalationID] = []
        let start = order.firstIndex { $0.id == state.selection }!
        for _ in 0..<order.count {
            state.press(.character("]"))
            visited.append(state.selection!)
            #expect(state.focus == order.first { $0.id == state.selection }!.status, "the column follows the match")
        }
        #expect(visited == (1...order.count).map { order[(start + $0) % order.count].id }, "] visits every match and wraps")
        state.press(.character("["))
        #expect(state.selection == order[(start + order.count - 1) % order.count].id)
        #expect(state.message?.text.hasPrefix("Match ") == true)
    }

    @Test func nWithoutAFilterIsNotAMatchKey() {
        var state = Fixture.state()
        let before = state.selection
        state.press(.character("n"))
        #expect(state.selection == before && state.message == nil)
    }

    @Test func sortCyclesUrgencyAgeArrAndKeepsTheSelectedCard() {
        var state = Fixture.state()
        state.press(.character("j"))
        let selected = state.selection
        #expect(state.find.sort == .urgency)
        state.press(.character("S"))
        #expect(state.find.sort == .age)
        for status in Status.allCases {
            let dates = state.columns[status].map(\.createdAt)
            #expect(dates == dates.sorted())
        }
        state.press(.character("S"))
        #expect(state.find.sort == .arr)
        for status in Status.allCases {
            let amounts = state.columns[status].map(\.account.arr.amount)
            #expect(amounts == amounts.sorted(by: >))
        }
        #expect(state.selection == selected)
        #expect(state.selectedRow == state.columns[state.focus].firstIndex { $0.id == selected })
        #expect(BoardView.render(state).plainText.contains("sort: arr"))
        state.press(.character("S"))
        #expect(state.find.sort == .urgency)
    }

    @Test func queriesParseIntoWordsOwnerAndQuickFilters() {
        let filter = BoardFilter(query: "acme owner:mike is:critical IS:update-due is:nonsense")
        #expect(filter.words == ["acme", "is:nonsense"])
        #expect(filter.owner == "mike")
        #expect(filter.quick == [.critical, .due])
        #expect(filter.description == "acme is:nonsense owner:mike is:critical is:due")
        #expect(BoardFilter(query: "  ").isEmpty)
    }
}
