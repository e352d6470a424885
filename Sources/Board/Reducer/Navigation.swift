import EscalationKit

extension BoardState {
    /// Moves the cursor between cards and columns; the focused column may be empty.
    mutating func navigate(_ intent: Intent) {
        let columns = self.columns
        let order = Status.allCases
        var column = order.firstIndex(of: focus)!
        var row = selectedRow
        switch intent {
        case .up: row -= 1
        case .down: row += 1
        case .left: column = max(0, column - 1)
        case .right: column = min(order.count - 1, column + 1)
        case .first: row = 0
        case .last: row = Int.max / 2
        case .pageUp: row -= max(1, BoardLayout(size: size).cardsPerColumn)
        case .pageDown: row += max(1, BoardLayout(size: size).cardsPerColumn)
        default: return
        }
        focus = order[column]
        let cards = columns[focus]
        guard !cards.isEmpty else {
            selection = nil
            selectedRow = max(0, min(row, 0))
            return
        }
        selectedRow = min(max(0, row), cards.count - 1)
        selection = cards[selectedRow].id
    }
}
