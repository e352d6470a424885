import EscalationKit

/// Which column and card of the drawn board lie under a screen cell: the layout run backwards,
/// so a click lands on exactly the card the user sees there.
public enum BoardHitTest {
    /// The column drawn at screen column `x` (separators belong to no column).
    public static func column(atX x: Int, in state: BoardState) -> Status? {
        let layout = BoardLayout(size: state.size)
        let order = Status.allCases
        let first = layout.firstColumn(focus: order.firstIndex(of: state.focus)!)
        for slot in 0..<layout.visibleColumns {
            let frame = layout.frame(slot: slot)
            if x >= frame.x, x < frame.x + frame.width { return order[first + slot] }
        }
        return nil
    }

    /// The card drawn at (x, y): its column and its row in that column; nil for a title, the gap
    /// between cards, a "more" line or empty space.
    public static func card(atX x: Int, y: Int, in state: BoardState) -> (status: Status, row: Int)? {
        let layout = BoardLayout(size: state.size)
        guard layout.fits, let status = column(atX: x, in: state) else { return nil }
        let offset = y - layout.bodyTop
        guard offset >= 0, offset < layout.cardsPerColumn * BoardLayout.cardHeight,
              offset % BoardLayout.cardHeight < BoardLayout.cardHeight - 1 else { return nil }
        let cards = state.columns[status]
        let top = status == state.focus ? layout.firstCard(selectedRow: state.selectedRow) : 0
        let row = top + offset / BoardLayout.cardHeight
        return row < cards.count ? (status, row) : nil
    }
}
