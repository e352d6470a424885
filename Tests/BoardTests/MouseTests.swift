import Foundation
import Testing
import EscalationKit
@testable import Board

/// Clicks and the wheel: the layout run backwards to the card under the pointer.
@Suite struct MouseTests {
    @Test func hitTestingFindsTheCardDrawnUnderEveryCell() {
        // Cross-check against the rendered screen: every cell whose card line shows an id maps to that card.
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            var state = Fixture.state(size: size)
            state.press(.right, .right, .down)
            let layout = BoardLayout(size: size)
            let first = layout.firstColumn(focus: Status.allCases.firstIndex(of: state.focus)!)
            for slot in 0..<layout.visibleColumns {
                let status = Status.allCases[first + slot]
                let (x, width) = layout.frame(slot: slot)
                #expect(BoardHitTest.column(atX: x, in: state) == status)
                #expect(BoardHitTest.column(atX: x + width - 1, in: state) == status)
                if slot < layout.visibleColumns - 1 { #expect(BoardHitTest.column(atX: x + width, in: state) == nil, "the separator") }
                let cards = state.columns[status]
                for (i, e) in cards.prefix(layout.cardsPerColumn).enumerated() {
                    let y = layout.bodyTop + i * BoardLayout.cardHeight
                    for line in 0..<4 {
                        let hit = BoardHitTest.card(atX: x + width / 2, y: y + line, in: state)
                        #expect(hit?.status == status && hit.map { cards[$0.row].id } == e.id)
                    }
                    #expect(BoardHitTest.card(atX: x + 1, y: y + 4, in: state) == nil, "the gap between cards")
                }
                #expect(BoardHitTest.card(atX: x + 1, y: 1, in: state) == nil, "the column title")
            }
            #expect(BoardHitTest.card(atX: 1, y: 0, in: state) == nil, "the header")
        }
    }

    @Test func aClickSelectsTheCardAndFocusesItsColumn() {
        var state = Fixture.state(size: Size(width: 160, height: 48))
        let layout = BoardLayout(size: state.size)
        let (x, _) = layout.frame(slot: 2)
        let target = state.columns[.inProgress][1]
        state.press(.mouse(Mouse(.press, column: x + 3, row: layout.bodyTop + BoardLayout.cardHeight + 2)))
        #expect(state.focus == .inProgress && state.selection == target.id && state.selectedRow == 1)
        #expect(BoardView.render(state).styledText.contains("{*normal: \(target.id)"), "drawn selected")
        // A click on an empty part of a column focuses it.
        let (x4, _) = layout.frame(slot: 4)
        state.press(.mouse(Mouse(.press, column: x4 + 2, row: layout.bodyTop + 30)))
        #expect(state.focus == .resolved && state.selection == state.columns[.resolved].first?.id)
    }

    @Test func theWheelMovesThroughTheColumnOrScrollsTheDetail() {
        var state = Fixture.state(size: Size(width: 80, height: 24))
        let routed = state.columns[.routed]
        state.press(.mouse(Mouse(.wheelDown, column: 3, row: 5)), .mouse(Mouse(.wheelDown, column: 3, row: 5)))
        #expect(state.selection == routed[2].id)
        state.press(.mouse(Mouse(.wheelUp, column: 3, row: 5)))
        #expect(state.selection == routed[1].id)
        state.press(.enter)
        state.press(.mouse(Mouse(.wheelDown, column: 3, row: 5)))
        #expect(state.detailScroll == 3)
        state.press(.mouse(Mouse(.wheelUp, column: 3, row: 5)), .mouse(Mouse(.wheelUp, column: 3, row: 5)))
        #expect(state.detailScroll == 0)
    }

    @Test func clicksAreIgnoredWhileALineTakesText() {
        var state = Fixture.state(size: Size(width: 160, height: 48))
        let before = state.selection
        state.press(.character("a"))
        state.press(.mouse(Mouse(.press, column: 60, row: 3)))
        #expect(state.selection == before && state.prompt != nil)
        state.press(.escape, .character(":"))
        state.press(.mouse(Mouse(.press, column: 60, row: 3)))
        #expect(state.selection == before && state.commandLine.isOpen)
    }
}
