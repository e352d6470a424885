/// The few symbols the views draw, with their ASCII stand-ins for a non-UTF-8 terminal.
struct Symbols {
    let separator: String
    let left: String
    let right: String
    let live: String
    let paused: String
    let offline: String
    let changed: String
    let dash: String
    let promptCursor: String
    let down: String
    let up: String
    /// Before "customer 2d" on a waiting card.
    let waiting: String

    init(unicode: Bool) {
        separator = unicode ? "│" : "|"
        left = unicode ? "◀" : "<"
        right = unicode ? "▶" : ">"
        live = unicode ? "● live" : "* live"
        paused = unicode ? "○ not live" : "o not live"
        offline = unicode ? "○ offline — reconnecting" : "o offline - reconnecting"
        changed = unicode ? "✱" : "*"
        dash = unicode ? "—" : "-"
        promptCursor = unicode ? "▏" : "_"
        down = unicode ? "↓" : "v"
        up = unicode ? "↑" : "^"
        waiting = unicode ? "⏸" : "||"
    }
}

extension Symbols {
    /// The header's word on following the store, and its role.
    func following(_ state: BoardState) -> (text: String, role: Role) {
        if state.offline { return (offline, .error) }
        return state.live ? (live, .changed) : (paused, .error)
    }
}
