/// Where things go on the board at a terminal size: how many columns fit, how wide they are,
/// how many cards a column shows.
public struct BoardLayout: Sendable {
    /// Below this the board shows "terminal too small".
    public static let minimum = Size(width: 60, height: 16)
    /// Four lines of card and one of air.
    public static let cardHeight = 5
    /// What a card needs: the severity letter, the id and an age (`C ESC-2026-0001  12d`) with
    /// its margins, so a 160-column wall screen shows all six columns.
    public static let minimumColumnWidth = 25

    public let size: Size

    public init(size: Size) { self.size = size }

    public var fits: Bool { size.width >= Self.minimum.width && size.height >= Self.minimum.height }

    /// Columns shown side by side (all six from 155 columns up).
    public var visibleColumns: Int { max(1, min(6, (size.width + 1) / (Self.minimumColumnWidth + 1))) }

    public var bodyTop: Int { 2 }
    public var bodyHeight: Int { max(0, size.height - 4) }
    public var statusRow: Int { size.height - 2 }
    public var footerRow: Int { size.height - 1 }
    public var cardsPerColumn: Int { max(1, bodyHeight / Self.cardHeight) }

    /// The first column shown so that the focused one (index into the six) is visible.
    public func firstColumn(focus: Int) -> Int {
        max(0, min(focus - visibleColumns + 1, 6 - visibleColumns, focus))
    }

    /// The left edge and width of the `slot`-th visible column; a one-cell separator follows each but the last.
    public func frame(slot: Int) -> (x: Int, width: Int) {
        let count = visibleColumns
        let usable = size.width - (count - 1)
        let base = usable / count, extra = usable % count
        let x = slot * base + min(slot, extra) + slot
        return (x, base + (slot < extra ? 1 : 0))
    }

    /// The first card shown in a column so that `row` is visible.
    public func firstCard(selectedRow row: Int) -> Int {
        max(0, row - cardsPerColumn + 1)
    }
}
