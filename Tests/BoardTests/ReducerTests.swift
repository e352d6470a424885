import Foundation
import Testing
import EscalationKit
@testable import Board

@Suite struct ReducerTests {
    /// Performs commits as the store would: through the lifecycle, with the next sequence.
    func perform(_ effect: Effect, on state: inout BoardState) {
        guard case .commit(let commands, let id) = effect else { return }
        do {
            let events = try Lifecycle(policy: state.policy).decide(commands, on: id, in: state.ledger, at: state.now, actor: "alice")
            _ = state.handle(.committed(events))
        } catch {
            _ = state.handle(.commitFailed(error.description))
        }
    }

    @Test func startsOnTheFirstRoutedCard() {
        let state = Fixture.state()
        #expect(state.focus == .routed)
        #expect(state.selection == state.columns[.routed].first?.id)
    }

    @Test func navigationMovesBetweenCardsAndColumns() {
        var state = Fixture.state()
        let routed = state.columns[.routed]
        state.press(.character("j"))
        #expect(state.selection == routed[1].id)
        state.press(.character("G"))
        #expect(state.selection == routed.last?.id)
        state.press(.down)
        #expect(state.selection == routed.last?.id, "moving past the end stays on the last card")
        state.press(.character("g"))
        #expect(state.selection == routed.first?.id)
        state.press(.character("l"))
        #expect(state.focus == .acknowledged)
        #expect(state.selection == state.columns[.acknowledged].first?.id)
        state.press(.left, .left)
        #expect(state.focus == .routed, "h at the first column stays there")
        for _ in 0..<10 { state.press(.right) }
        #expect(state.focus == .closed)
    }

    @Test func enterOpensTheDetailAndEscGoesBack() {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        let id = state.selection!
        state.press(.enter)
        #expect(state.screen == .detail(id))
        state.press(.down, .down)
        #expect(state.detailScroll == 2)
        state.press(.escape)
        #expect(state.screen == .board)
        #expect(state.selection == id)
    }

    @Test func acknowledgingAsksTheOwnerThenCommitsAndTheCursorFollows() {
        var state = Fixture.state()
        let id = state.selection!
        #expect(state.press(.character("a")).isEmpty)
        #expect(state.prompt?.purpose == .acknowledgeOwner)
        state.type("mikx")
        state.press(.backspace)
        state.type("e")
        let effects = state.press(.enter)
        #expect(effects == [.commit([.acknowledge(owner: "mike")], id)])
        #expect(state.prompt == nil)
        perform(effects[0], on: &state)
        #expect(state.ledger[id]?.owner == "mike")
        #expect(state.focus == .acknowledged, "the cursor moved with the card")
        #expect(state.selection == id)
        #expect(state.message?.text.contains("acknowledged, owner mike") == true)
        #expect(state.changedAt[id] != nil)
    }

    @Test func escCancelsAPromptAndEmptyAnswersAreRefused() {
        var state = Fixture.state()
        state.press(.character("u"))
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.isError == true)
        #expect(state.prompt != nil)
        state.press(.escape)
        #expect(state.prompt == nil)
    }

    @Test func aRefusedMoveSaysWhyWithoutAsking() {
        var state = Fixture.state()
        #expect(state.press(.character("<")).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("there is nothing before it") == true)
        state.press(.character("x"))
        #expect(state.message?.text.contains("only a resolved escalation is closed") == true)
    }

    @Test func movingBackAsksWhy() {
        var state = Fixture.state()
        state.press(.right)
        let id = state.selection!
        state.press(.character("<"))
        #expect(state.prompt?.purpose == .backReason)
        state.type("Wrong team")
        #expect(state.press(.enter) == [.commit([.back(reason: "Wrong team")], id)])
    }

    @Test func advancingFromAcknowledgedCommitsAtOnce() {
        var state = Fixture.state()
        state.press(.right)
        let id = state.selection!
        #expect(state.press(.character(">")) == [.commit([.advance(resolution: nil)], id)])
    }

    @Test func severityAsksValueThenReason() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character("s"))
        state.type("x")
        state.press(.enter)
        #expect(state.message?.isError == true)
        state.press(.control("u"))
        state.type("m")
        state.press(.enter)
        guard case .severityReason(.medium) = state.prompt?.purpose else { Issue.record("expected a reason prompt"); return }
        state.type("Workaround found")
        #expect(state.press(.enter) == [.commit([.severity(.medium, reason: "Workaround found")], id)])
    }

    @Test func closingAsksForConfirmation() {
        var state = Fixture.state()
        while state.focus != .resolved { state.press(.right) }
        let id = state.selection!
        state.press(.character("x"))
        #expect(state.prompt?.purpose == .confirmClose)
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.prompt == nil)
        state.press(.character("x"))
        #expect(state.press(.character("y")) == [.commit([.close], id)])
    }

    @Test func aFailedCommitKeepsWhatWasTyped() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character("a"))
        state.type("mike")
        state.press(.enter)
        _ = state.handle(.commitFailed("The store is locked by another writer."))
        #expect(state.message == .init("The store is locked by another writer.", isError: true))
        state.press(.character("a"))
        #expect(state.prompt?.purpose == .acknowledgeOwner && state.prompt?.target == id && state.prompt?.text == "mike")
    }

    @Test func aCommitWhoseCompactionWasPostponedSaysSoInTheStatusLine() {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.character("a"))
        state.type("mike")
        state.press(.enter)
        var ledger = state.ledger
        let event = Event(sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "lead", escalation: id,
                          expectedRevision: ledger[id]!.revision, change: .acknowledged(owner: "mike"))
        try? ledger.apply(event)
        _ = state.handle(.committed([event]))
        _ = state.handle(.commitNote("saved; compaction postponed: /s/snapshot.json: write failed: No space left on device"))
        #expect(state.message == .init("saved; compaction postponed: /s/snapshot.json: write failed: No space left on device", isError: false))
        #expect(state.ledger[id]?.status == .acknowledged, "the change stands")
    }

    @Test func liveChangesKeepTheCursorAndMarkChangedCards() throws {
        var state = Fixture.state()
        let id = state.selection!
        state.press(.down)
        let other = state.selection!
        // Another user acknowledges the card the cursor is on.
        var ledger = state.ledger
        let event = Event(sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "bob", escalation: other,
                          expectedRevision: ledger[other]!.revision, change: .acknowledged(owner: "bob"))
        try ledger.apply(event)
        _ = state.handle(.storeChanged([event], reloaded: false, ledger: ledger))
        #expect(state.selection == other)
        #expect(state.focus == .acknowledged)
        #expect(state.changedAt[other] != nil)
        #expect(state.changedAt[id] == nil)
        _ = state.handle(.tick(Fixture.now.addingTimeInterval(1)))
        #expect(state.changedAt[other] != nil)
        _ = state.handle(.tick(Fixture.now.addingTimeInterval(4)))
        #expect(state.changedAt.isEmpty, "the mark fades after three seconds")
    }

    @Test func aReloadMarksEveryEscalationWhoseRevisionChanged() throws {
        var state = Fixture.state()
        let id = state.selection!
        var ledger = state.ledger
        try ledger.apply(Event(sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "bob", escalation: id,
                               expectedRevision: 1, change: .assigned(owner: "bob")))
        _ = state.handle(.storeChanged([], reloaded: true, ledger: ledger))
        #expect(Set(state.changedAt.keys) == [id])
    }

    @Test func aVanishedSelectionLandsOnANeighbour() {
        var state = Fixture.state()
        state.press(.down)
        let gone = state.selection!
        var ledger = state.ledger
        ledger.remove([gone])
        _ = state.handle(.storeChanged([], reloaded: true, ledger: ledger))
        #expect(state.selection != gone)
        #expect(state.selection != nil)
        #expect(state.focus == .routed)
    }

    @Test func clocksMoveCardsToStalled() {
        var state = Fixture.state()
        state.press(.right)
        let id = state.selection!
        _ = state.handle(.tick(Fixture.now.addingTimeInterval(30 * 86_400)))
        #expect(state.columns[.stalled].contains { $0.id == id })
        #expect(state.focus == .stalled)
        #expect(state.selection == id)
    }

    @Test func helpIsGeneratedFromTheKeyMap() {
        var state = Fixture.state()
        state.press(.character("?"))
        #expect(state.showingHelp)
        let text = BoardView.render(state).plainText
        for binding in KeyMap.standard.bindings(in: .board) { #expect(text.contains(binding.summary)) }
        state.press(.escape)
        #expect(!state.showingHelp)
    }

    @Test func quitAndResize() {
        var state = Fixture.state()
        #expect(state.press(.character("q")) == [.quit])
        _ = state.handle(.resize(Size(width: 300, height: 80)))
        #expect(BoardView.render(state).size == Size(width: 300, height: 80))
        Invariants.check(BoardView.render(state))
    }

    @Test func cardsShowTheMostUrgentClock() {
        let state = Fixture.state()
        let e = state.columns[.routed].first!
        let card = CardFacts(e, policy: state.policy, now: state.now)
        let reading = Clocks(policy: state.policy).mostUrgent(e, at: state.now)!
        let name = DurationText.name(reading.kind)
        let span = DurationText.short(reading.remaining(at: state.now))
        #expect(card.clock == (reading.remaining(at: state.now) < 0 ? "\(name) \(span) late" : "\(name) in \(span)"))
        #expect(DurationText.short(2 * 3600 + 10 * 60) == "2h10m")
        #expect(DurationText.short(-3 * 3600) == "3h")
        #expect(DurationText.short(26 * 3600) == "1d2h")
        #expect(DurationText.coarse(26 * 3600) == "1d")
    }
}
