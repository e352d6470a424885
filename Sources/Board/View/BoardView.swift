import Foundation
import EscalationKit

/// Draws the whole screen for a state: the pure `view(state) → grid` of the design.
public enum BoardView {
    /// The screen for `state` at its size.
    public static func render(_ state: BoardState) -> ScreenGrid {
        if state.wallboard != nil { return WallboardView.render(state) }
        var grid = ScreenGrid(size: state.size, unicode: state.unicode)
        let layout = BoardLayout(size: state.size)
        guard layout.fits else {
            TooSmallView.draw(state, into: &grid, need: BoardLayout.minimum)
            return grid
        }
        HeaderView.draw(state, into: &grid)
        if let sheet = state.sheets.current, !state.showingHelp {
            SheetView.draw(sheet, state: state, into: &grid)
            return grid
        }
        if state.showingHelp {
            HelpView.draw(state, into: &grid)
        } else {
            switch state.screen {
            case .board: drawColumns(state, layout: layout, into: &grid)
            case .detail(let id): DetailView.draw(state, id: id, into: &grid)
            }
        }
        StatusLineView.draw(state, into: &grid)
        FooterView.draw(state, into: &grid)
        return grid
    }

    static func drawColumns(_ state: BoardState, layout: BoardLayout, into grid: inout ScreenGrid) {
        let symbols = Symbols(unicode: state.unicode)
        let columns = state.columns
        let order = Status.allCases
        let focusIndex = order.firstIndex(of: state.focus)!
        let first = layout.firstColumn(focus: focusIndex)
        let count = layout.visibleColumns
        for slot in 0..<count {
            let status = order[first + slot]
            let (x, width) = layout.frame(slot: slot)
            let cards = columns[status]
            let focused = status == state.focus
            let selectedRow = focused ? state.selectedRow : 0
            let top = focused ? layout.firstCard(selectedRow: selectedRow) : 0

            var title: [Span] = []
            if slot == 0, first > 0 { title.append(Span(symbols.left + " ", .dim)) }
            title.append(Span(status.label, focused ? .selected : .columnTitle))
            title.append(Span(" \(cards.count)", focused ? .selected : .dim))
            if top > 0 { title.append(Span(" \(symbols.up)\(top)", .dim)) }
            let titleEnd = grid.put(title, row: 1, column: x, limit: width)
            if slot == count - 1, first + count < order.count {
                let marker = symbols.right
                grid.put(marker, row: 1, column: x + width - 1, limit: 1, role: .dim)
                _ = titleEnd
            }
            if focused { grid.restyle(row: 1, column: x, count: width, selected: true) }

            for (i, e) in cards.dropFirst(top).prefix(layout.cardsPerColumn).enumerated() {
                let y = layout.bodyTop + i * BoardLayout.cardHeight
                let facts = CardFacts(e, policy: state.policy, now: state.now)
                CardView.draw(facts, into: &grid, x: x, y: y, width: width,
                              selected: focused && e.id == state.selection,
                              changed: state.changedAt[e.id] != nil, symbols: symbols)
            }
            let hidden = cards.count - top - layout.cardsPerColumn
            if hidden > 0 {
                let y = layout.bodyTop + layout.cardsPerColumn * BoardLayout.cardHeight - 1
                grid.put("\(symbols.down) \(hidden) more", row: y, column: x + 1, limit: width - 1, role: .dim)
            }
            if slot < count - 1 {
                for y in 1..<(layout.bodyTop + layout.bodyHeight) {
                    grid.put(symbols.separator, row: y, column: x + width, limit: 1, role: .dim)
                }
            }
        }
        if columns.byStatus.values.allSatisfy(\.isEmpty) {
            grid.put(state.find.isActive ? "Nothing matches the filter (\(state.keyLabel(.clearFilter, in: .filtered)) clears it)." : "No escalations yet.", row: layout.bodyTop + 1, column: 2, role: .dim)
        }
    }
}
