import Foundation
import Testing
import EscalationKit
@testable import Board

/// `p`: wait on the customer, a vendor or an internal team (the resolve and stall clocks stop), or resume.
@Suite struct WaitKeyTests {
    @Test func pAsksWhoAndWhyThenCommitsTheWaitAndTheCardShowsIt() {
        var state = Fixture.state()
        let id = state.selection!
        #expect(state.press(.character("p")).isEmpty)
        #expect(state.prompt?.purpose == .waitParty)
        state.type("x")
        state.press(.enter)
        #expect(state.message?.isError == true)
        state.press(.control("u"))
        state.type("c")
        state.press(.enter)
        #expect(state.prompt?.purpose == .waitReason(.customer))
        state.type("Logs from the customer")
        let effects = state.press(.enter)
        #expect(effects == [.commit([.wait(on: .customer, reason: "Logs from the customer", until: nil)], id)])
        state.perform(effects)
        let facts = CardFacts(state.ledger[id]!, policy: state.policy, now: state.now.addingTimeInterval(2 * 86_400))
        #expect(facts.waiting == "customer 2d")
        #expect(BoardView.render(state).plainText.contains("⏸ customer <1m"))
        // On a waiting card, p resumes, asking why.
        state.press(.character("p"))
        #expect(state.prompt?.purpose == .resumeReason)
        state.type("Logs received")
        #expect(state.press(.enter) == [.commit([.resume(reason: "Logs received")], id)])
    }

    @Test func theMarkerHasAnASCIIForm() {
        var state = Fixture.state(unicode: false)
        let id = state.selection!
        state.perform([.commit([.wait(on: .vendor, reason: "Provider", until: nil)], id)])
        #expect(BoardView.render(state).plainText.contains("|| vendor <1m"))
    }

    @Test func theKeyIsInTheOneKeyTableAndItsHelp() {
        #expect(KeyMap.standard.intent(for: .character("p"), in: .board) == .wait)
        #expect(KeyMap.standard.intent(for: .character("p"), in: .detail) == .wait)
        #expect(KeyMap.standard.intentNames.contains("wait"))
    }

    @Test func theCommandLineWaitsAndResumesToo() throws {
        #expect(try CommandLineParser.parse("wait customer because logs from their admin", keyMap: .standard)
                == .commit(.wait(on: .customer, reason: "logs from their admin", until: nil)))
        #expect(try CommandLineParser.parse("hold vendor cloud ticket", keyMap: .standard) == .commit(.wait(on: .vendor, reason: "cloud ticket", until: nil)))
        #expect(try CommandLineParser.parse("resume because logs arrived", keyMap: .standard) == .commit(.resume(reason: "logs arrived")))
        #expect(throws: CommandLineError.self) { try CommandLineParser.parse("wait nobody because x", keyMap: .standard) }
        #expect(throws: CommandLineError.self) { try CommandLineParser.parse("wait customer", keyMap: .standard) }
        #expect(throws: CommandLineError.self) { try CommandLineParser.parse("resume", keyMap: .standard) }
    }
}
