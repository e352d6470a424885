import Foundation
import Testing
import EscalationKit
@testable import Board

/// Keys from the configuration: names parsed, the map remapped, help and footer telling the truth.
@Suite struct KeyBindingTests {
    @Test func keyNamesParse() {
        #expect(KeyName.parse("a") == .character("a"))
        #expect(KeyName.parse("A") == .character("A"))
        #expect(KeyName.parse(":") == .character(":"))
        #expect(KeyName.parse("ctrl-a") == .control("a"))
        #expect(KeyName.parse("C-x") == .control("x"))
        #expect(KeyName.parse("^U") == .control("u"))
        #expect(KeyName.parse("Enter") == .enter)
        #expect(KeyName.parse("pgdn") == .pageDown)
        #expect(KeyName.parse("space") == .character(" "))
        #expect(KeyName.parse("ctrl-1") == nil)
        #expect(KeyName.parse("shift-a") == nil)
        #expect(KeyName.parse("") == nil)
        #expect(KeyName.parse("\u{1B}") == nil)
    }

    @Test func intentNamesAreTheConfigurationsVocabulary() {
        #expect(Intent.nextMatch.configurationName == "next_match")
        #expect(KeyMap.standard.intentNames.contains("customer_update"))
    }

    @Test func remappingMovesAKeyAndTakesItFromOthers() throws {
        let map = try KeyMap.standard.remapped(["acknowledge": ["A", "ctrl-a"], "undo": ["u"], "customer-update": ["C"]])
        #expect(map.intent(for: .character("A"), in: .board) == .acknowledge)
        #expect(map.intent(for: .control("a"), in: .detail) == .acknowledge)
        #expect(map.intent(for: .character("a"), in: .board) == nil)
        #expect(map.intent(for: .character("u"), in: .board) == .undo, "the new binding wins")
        #expect(map.bindings.first { $0.intent == .note }!.label == "(unbound)")
        #expect(map.intent(for: .character("C"), in: .board) == .customerUpdate)
        #expect(map.bindings.first { $0.intent == .acknowledge }!.footer == "A ack")
    }

    @Test func unknownActionsAndKeysAreAllReported() {
        do {
            _ = try KeyMap.standard.remapped(["acknowlege": ["A"], "quit": ["ctrl-é"], "help": ["F1"]])
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.intent) == ["acknowlege", "help", "quit"])
            #expect(error.problems[0].message.hasPrefix("unknown action \"acknowlege\"; the actions are up, down"))
            #expect(error.problems[1].message.hasPrefix("\"F1\" is not a key"))
        }
    }

    @Test func theHelpScreenShowsTheKeysInForce() throws {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        state.keyMap = try KeyMap.standard.remapped(["acknowledge": ["A"]])
        state.press(.character("A"))
        #expect(state.prompt?.purpose == .acknowledgeOwner)
        state.press(.escape, .character("?"))
        let help = HelpView.lines(state).map { $0.map(\.text).joined() }
        #expect(help.contains { $0.hasPrefix("A ") && $0.contains("acknowledge (asks the owner)") })
        #expect(!help.contains { $0.hasPrefix("a ") && $0.contains("acknowledge") })
    }
}
