import Foundation
import Testing
import EscalationKit
@testable import Board

/// The `:` line: parsing into the keys' commands, running, errors, completion and history.
@Suite struct CommandLineTests {
    func parse(_ line: String) -> CommandLineRequest? { try? CommandLineParser.parse(line, keyMap: .standard) }
    func error(_ line: String) -> String? {
        do { _ = try CommandLineParser.parse(line, keyMap: .standard); return nil } catch { return error.message }
    }

    @Test func linesParseIntoTheSameCommandsTheKeysCommit() {
        #expect(parse("ack alice") == .commit(.acknowledge(owner: "alice")))
        #expect(parse("acknowledge Mike Ross") == .commit(.acknowledge(owner: "Mike Ross")))
        #expect(parse("assign bob") == .commit(.assign(owner: "bob")))
        #expect(parse("severity high because outage spread") == .commit(.severity(.high, reason: "outage spread")))
        #expect(parse("sev C customers down") == .commit(.severity(.critical, reason: "customers down")))
        #expect(parse("tier 3 because three customers") == .commit(.tier(Tier(rawValue: 3)!, reason: "three customers")))
        #expect(parse("category security because data exposure") == .commit(.category(.security, reason: "data exposure")))
        #expect(parse("note found the slow query") == .commit(.note("found the slow query")))
        #expect(parse("customer told them Friday") == .commit(.customerUpdate("told them Friday")))
        #expect(parse("resolve index added") == .commit(.resolve(resolution: "index added")))
        #expect(parse("close") == .commit(.close))
        #expect(parse("back because not reproduced") == .commit(.back(reason: "not reproduced")))
        #expect(parse("start") == .commit(.start))
        #expect(parse("filter owner:alice") == .filter("owner:alice"))
        #expect(parse("filter critical acme") == .filter("is:critical acme"))
        #expect(parse("filter") == .filter(""))
        #expect(parse("sort arr") == .sort(.arr))
        #expect(parse("sort") == .sort(nil))
        #expect(parse("theme solarized") == .theme("solarized"))
        #expect(parse("undo") == .undo)
        #expect(parse("help") == .help)
        #expect(parse("q") == .quit)
        #expect(parse("open") == .intent(.open), "any key's action by name")
        #expect(parse("page_down") == .intent(.pageDown))
    }

    @Test func mistakesSayWhatIsWrong() {
        #expect(error("severity high") == "Say why: :severity LEVEL because WHY.")
        #expect(error("severity huge because x")?.contains("not a severity") == true)
        #expect(error("tier 9 because x")?.contains("not a tier") == true)
        #expect(error("back because") == "Say why: :back because WHY.")
        #expect(error("ack")?.contains("the owner is missing") == true)
        #expect(error("frobnicate")?.hasPrefix("Unknown command :frobnicate") == true)
        #expect(error("sort size") == "Sort by urgency, age or arr.")
        #expect(error("close now") == ":close takes nothing after it.")
    }

    @Test func runningALineCommitsOnTheSelectedEscalation() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character(":"))
        #expect(state.commandLine.isOpen)
        state.type("severity high because outage spread")
        let effects = state.press(.enter)
        #expect(effects == [.commit([.severity(.high, reason: "outage spread")], id)])
        #expect(!state.commandLine.isOpen)
        state.perform(effects)
        #expect(state.ledger[id]!.severity == .high)
        guard case .severityChanged(_, .high, "outage spread")? = state.ledger[id]!.history.last?.change else {
            Issue.record("the reason is recorded: \(String(describing: state.ledger[id]!.history.last))")
            return
        }
    }

    @Test func anErrorKeepsTheLineOpenWithTheMessageBesideIt() {
        var state = Fixture.state()
        state.press(.character(":"))
        state.type("severity high")
        #expect(state.press(.enter).isEmpty)
        #expect(state.commandLine.isOpen && state.commandLine.text == "severity high")
        #expect(state.message == .init("Say why: :severity LEVEL because WHY.", isError: true))
        #expect(BoardView.render(state).plainText.contains(":severity high▏  Say why"))
        state.press(.escape)
        #expect(!state.commandLine.isOpen)
    }

    @Test func otherRequestsFilterSortThemeHelpAndQuit() {
        var state = Fixture.state()
        func run(_ line: String) -> [Effect] {
            state.press(.character(":"))
            state.type(line)
            return state.press(.enter)
        }
        #expect(run("filter owner:priya").isEmpty)
        #expect(state.columns.readingOrder.allSatisfy { state.ledger[$0.id]!.owner == "priya" })
        #expect(state.find.query == "owner:priya")
        #expect(run("filter").isEmpty && !state.find.isActive)
        _ = run("sort age")
        #expect(state.find.sort == .age)
        #expect(run("theme solarized") == [.loadTheme("solarized")])
        _ = run("help")
        #expect(state.showingHelp)
        state.press(.escape)
        #expect(run("q") == [.quit])
        _ = run("open")
        #expect(state.screen == .detail(state.selection!))
    }

    @Test func tabCompletesCommandNamesAndKnownValues() {
        var state = Fixture.state()
        func tab(_ text: String) -> (String, [String]) {
            state.commandLine.text = text
            state.commandLine.isOpen = true
            state.press(.tab)
            return (state.commandLine.text, state.commandLine.candidates)
        }
        #expect(tab("sev").0 == "severity ")
        #expect(tab("severity h").0 == "severity high ")
        #expect(tab("severity high ").0 == "severity high because ")
        #expect(tab("tier ").1 == ["1", "2", "3", "4"])
        let (text, candidates) = tab("a")
        #expect(text == "a" && candidates.contains("ack") && candidates.contains("assign") && candidates.contains("advance"))
        #expect(tab("ack ").1 == ["alice", "amélie", "board", "jonas", "mike", "priya"], "owners, reporters and the user")
        #expect(tab("ack pr").0 == "ack priya ")
        #expect(tab("filter cr").0 == "filter critical ")
        #expect(tab("filter owner:m").0 == "filter owner:mike ")
        #expect(tab("sort a").1 == ["age", "arr"])
        #expect(tab("theme so").0 == "theme solarized ")
        #expect(tab("category sec").0 == "category security ")
        #expect(tab("zzz").0 == "zzz")
        let screen = BoardView.render(state).plainText
        #expect(screen.contains(":zzz"))
    }

    @Test func historyBrowsesWithUpAndDown() {
        var state = Fixture.state()
        for line in ["sort age", "filter acme", "sort arr"] {
            state.press(.character(":"))
            state.type(line)
            state.press(.enter)
        }
        state.press(.character(":"))
        state.type("draft")
        state.press(.up)
        #expect(state.commandLine.text == "sort arr")
        state.press(.up, .up)
        #expect(state.commandLine.text == "sort age")
        state.press(.up)
        #expect(state.commandLine.text == "sort age", "the oldest stays")
        state.press(.down)
        #expect(state.commandLine.text == "filter acme")
        state.press(.down, .down)
        #expect(state.commandLine.text == "draft", "past the newest, the line being typed comes back")
        state.press(.enter)
        #expect(state.commandLine.history == ["sort age", "filter acme", "sort arr", "draft"], "a mistaken line is kept, to fix with ↑")
        #expect(state.message?.isError == true)
    }
}
