import EscalationKit
/// One escalation's card: four lines in a column, then a blank line.
///
///     C ESC-2026-0001        3d
///     Acme Corp
///     EUR 85k  breach in 2h10m
///     mike        ↑2 upd warn
enum CardView {
    static func draw(_ card: CardFacts, into grid: inout ScreenGrid, x: Int, y: Int, width: Int,
                     selected: Bool, changed: Bool, symbols: Symbols) {
        let inner = width - 2
        guard inner > 4 else { return }
        let left = x + 1
        if changed { grid.put(symbols.changed, row: y, column: x, limit: 1, role: .changed) }

        // Line 1: severity letter, id, age on the right.
        let age = card.age
        let ageX = x + width - 1 - DisplayWidth.of(age)
        grid.put(String(card.severity.letter), row: y, column: left, limit: 1, role: card.severityRole)
        grid.put(card.id.description, row: y, column: left + 2, limit: max(0, ageX - left - 3), role: changed ? .changed : .normal)
        grid.put(age, row: y, column: ageX, limit: DisplayWidth.of(age), role: .dim)

        // Line 2: the account, as the store has it (made safe on the way into the cells).
        grid.put(card.account, row: y + 1, column: left, limit: inner)

        // Line 3: ARR and the most urgent clock.
        var end = grid.put(card.arr, row: y + 2, column: left, limit: inner)
        if let wait = card.waiting {
            end += 1
            grid.put("\(symbols.waiting) \(wait)", row: y + 2, column: end, limit: max(0, left + inner - end), role: .dim)
        } else if let clock = card.clock {
            end += 1
            grid.put(clock, row: y + 2, column: end, limit: max(0, left + inner - end), role: card.clockRole)
        }

        // Line 4: owner, the chain's level and the flags on the right.
        let marks = (card.chainLevel.map { ["\(symbols.up)\($0)"] } ?? []) + card.flags.map(\.rawValue)
        let flags = marks.joined(separator: " ")
        let flagsWidth = DisplayWidth.of(flags)
        let ownerLimit = max(4, inner - flagsWidth - 1)
        grid.put(card.owner ?? "unowned", row: y + 3, column: left, limit: ownerLimit, role: card.owner == nil ? .dim : .normal)
        var fx = left + inner - flagsWidth
        if fx > left + 4 {
            if let level = card.chainLevel {
                fx = grid.put("\(symbols.up)\(level)", row: y + 3, column: fx, limit: left + inner - fx, role: .warning) + 1
            }
            for flag in card.flags {
                fx = grid.put(flag.rawValue, row: y + 3, column: fx, limit: left + inner - fx, role: flag.role) + 1
            }
        }
        if selected {
            for line in 0..<4 { grid.restyle(row: y + line, column: x, count: width, selected: true) }
        }
    }
}
