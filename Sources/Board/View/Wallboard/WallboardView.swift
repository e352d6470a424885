import Foundation
import EscalationKit

/// The wallboard: a read-only screen for a shared wall. Large counts and the ARR at risk on top,
/// then what breaches or stalls first, with its clock, owner, account and ARR; no cursor.
enum WallboardView {
    static func render(_ state: BoardState) -> ScreenGrid {
        var grid = ScreenGrid(size: state.size, unicode: state.unicode)
        guard BoardLayout(size: state.size).fits else {
            TooSmallView.draw(state, into: &grid, need: BoardLayout.minimum)
            return grid
        }
        let facts = state.facts
        drawHeader(state, into: &grid)
        let tilesBottom = WallboardTiles.draw(WallboardTile.tiles(facts), into: &grid, top: 2,
                                              maxHeight: (state.size.height - 4) * 2 / 5, unicode: state.unicode)
        WallboardList.draw(state, facts: facts, into: &grid, top: tilesBottom + 1, bottom: state.size.height - 3)
        StatusLineView.draw(state, into: &grid)
        drawFooter(state, into: &grid)
        return grid
    }

    static func drawHeader(_ state: BoardState, into grid: inout ScreenGrid) {
        let symbols = Symbols(unicode: state.unicode)
        let width = grid.size.width
        grid.fill(row: 0, column: 0, count: width, role: .header)
        let time = clockText(state.now, zone: state.policy.calendar.timeZone)
        let timeX = width - DisplayWidth.of(time) - 1
        var x = grid.put(" ESCALATOR WALLBOARD  ", row: 0, column: 0, limit: max(0, timeX - 1), role: .header)
        x = grid.put(state.storeName + "  ", row: 0, column: x, limit: max(0, timeX - 1 - x), role: .header)
        let following = symbols.following(state)
        grid.put(following.text, row: 0, column: x, limit: max(0, timeX - 1 - x), role: following.role)
        grid.put(time, row: 0, column: timeX, limit: DisplayWidth.of(time), role: .header)
    }

    static func drawFooter(_ state: BoardState, into grid: inout ScreenGrid) {
        let quit = state.keyLabel(.quit, in: .board)
        let dot = state.unicode ? "·" : "-"
        grid.put([Span(quit, .key), Span(" quit  \(dot)  read-only wallboard  \(dot)  follows the store live", .dim)],
                 row: grid.size.height - 1, column: 1, limit: grid.size.width - 2)
    }

    /// The time with seconds, so the wall shows it is alive.
    static func clockText(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
