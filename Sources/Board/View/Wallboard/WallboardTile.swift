import EscalationKit

/// One big number on the wallboard: what it counts, the number, and the role that colours it.
struct WallboardTile: Hashable {
    var label: String
    /// The number as drawn large ("12", "1.2M").
    var value: String
    /// Small print under the label (the currency, other currencies).
    var note: String
    var role: Role
    /// Lower is kept longer when the screen is too narrow for every tile.
    var priority: Int

    /// The wallboard's tiles, in screen order.
    static func tiles(_ facts: BoardFacts) -> [WallboardTile] {
        func count(_ status: Status) -> Int { facts.columns[status].count }
        func tile(_ label: String, _ n: Int, _ role: Role, _ priority: Int) -> WallboardTile {
            WallboardTile(label: label, value: String(n), note: "", role: n > 0 ? role : .dim, priority: priority)
        }
        var arr = WallboardTile(label: "ARR AT RISK", value: "0", note: "", role: .dim, priority: 2)
        if let top = facts.arrAtRisk.first {
            let short = top.short
            arr.value = short.hasPrefix(top.currency + " ") ? String(short.dropFirst(top.currency.count + 1)) : short
            arr.note = ([top.currency] + facts.arrAtRisk.dropFirst().map { "+ " + $0.short }).joined(separator: " ")
            arr.role = .high
        }
        return [
            tile("BREACHED", facts.breachedCount, .critical, 0),
            tile("STALLED", count(.stalled), .breached, 1),
            tile("ROUTED", count(.routed), .warning, 3),
            tile("ACKNOWLEDGED", count(.acknowledged), .columnTitle, 5),
            tile("IN PROGRESS", count(.inProgress), .columnTitle, 4),
            arr,
        ]
    }
}
