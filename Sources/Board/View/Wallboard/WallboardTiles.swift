import EscalationKit

/// Lays the wallboard's tiles across the screen: the largest scale at which every tile fits the
/// width and the height it is given; on a narrow screen the least important tiles give way.
enum WallboardTiles {
    /// Draws the tiles from row `top` and returns the row after them.
    static func draw(_ tiles: [WallboardTile], into grid: inout ScreenGrid, top: Int, maxHeight: Int, unicode: Bool) -> Int {
        let width = grid.size.width
        let (shown, scale) = arrangement(tiles, width: width, maxHeight: maxHeight, unicode: unicode)
        guard !shown.isEmpty else { return top }
        let bigHeight = scale > 0 ? BigText.height(scale: scale, unicode: unicode) : 1
        let needs = shown.map { need($0, scale: scale) }
        let spare = max(0, width - needs.reduce(0, +))
        var x = 0
        for (i, tile) in shown.enumerated() {
            let tileWidth = needs[i] + spare / shown.count + (i < spare % shown.count ? 1 : 0)
            grid.put(tile.label, row: top, column: x + 1, limit: tileWidth - 2, role: tile.role == .dim ? .dim : .columnTitle)
            if !tile.note.isEmpty {
                grid.put(tile.note, row: top + 1 + bigHeight, column: x + 1, limit: tileWidth - 2, role: .dim)
            }
            if scale > 0, let lines = BigText.lines(tile.value, scale: scale, unicode: unicode) {
                for (row, line) in lines.enumerated() {
                    grid.put(line, row: top + 1 + row, column: x + 1, limit: tileWidth - 2, role: tile.role)
                }
            } else {
                grid.put(tile.value, row: top + 1, column: x + 1, limit: tileWidth - 2, role: tile.role)
            }
            if i < shown.count - 1 {
                for row in top..<(top + 2 + bigHeight) { grid.put(unicode ? "│" : "|", row: row, column: x + tileWidth - 1, limit: 1, role: .dim) }
            }
            x += tileWidth
        }
        return top + 2 + bigHeight
    }

    /// The tiles that fit, in screen order, and the scale of their numbers (0: plain text).
    static func arrangement(_ tiles: [WallboardTile], width: Int, maxHeight: Int, unicode: Bool) -> ([WallboardTile], Int) {
        var scale = 1
        while BigText.height(scale: scale + 1, unicode: unicode) + 2 <= maxHeight,
              tiles.map({ need($0, scale: scale + 1) }).reduce(0, +) <= width {
            scale += 1
        }
        if BigText.height(scale: 1, unicode: unicode) + 2 > maxHeight { scale = 0 }
        // Drop the least important tiles until the rest fit at this scale.
        var kept = tiles
        while kept.count > 1, kept.map({ need($0, scale: scale) }).reduce(0, +) > width {
            let drop = kept.indices.max { kept[$0].priority < kept[$1].priority }!
            kept.remove(at: drop)
        }
        return (kept, scale)
    }

    /// The columns a tile needs: its label or its number, whichever is wider, and a cell of air each side.
    static func need(_ tile: WallboardTile, scale: Int) -> Int {
        let number = scale > 0 && BigText.canDraw(tile.value) ? BigText.width(tile.value, scale: scale) : DisplayWidth.of(tile.value)
        return max(DisplayWidth.of(tile.label), DisplayWidth.of(tile.note), number) + 2
    }
}
