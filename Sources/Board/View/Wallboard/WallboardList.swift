import Foundation
import EscalationKit

/// The wallboard's list: open escalations, the one whose clock runs out first at the top, one line
/// each: severity, id, the clock, status, owner, account, ARR and, where there is room, the title.
enum WallboardList {
    /// A column of the list: its heading and width (0: not shown at this width).
    struct Widths {
        var status = 0, owner = 0, account = 0, title = 0
        /// `ESC-2026-0042`, wider when a year has more than 9,999 escalations.
        let id: Int
        static let clock = 27, arr = 9

        init(width: Int, longestID: Int = 13) {
            id = max(13, longestID)
            let rest = width - 2 - (2 + id + 1 + Self.clock + 1 + Self.arr + 1)
            if rest >= 100 {
                status = 13; owner = 22; account = 28; title = rest - status - owner - account
            } else if rest >= 50 {
                status = 13; owner = (rest - 13) * 2 / 5; account = rest - 13 - owner
            } else {
                owner = max(4, rest * 2 / 5); account = max(4, rest - owner)
            }
        }
    }

    static func draw(_ state: BoardState, facts: BoardFacts, into grid: inout ScreenGrid, top: Int, bottom: Int) {
        guard bottom > top else { return }
        let width = grid.size.width
        let list = facts.firstToBreak
        let widths = Widths(width: width, longestID: list.lazy.map(\.id.description.count).max() ?? 13)
        grid.put("WHAT BREACHES OR STALLS FIRST", row: top, column: 1, limit: width - 2, role: .columnTitle)
        let heading = line(sev: "", id: "ID", clock: "CLOCK", status: "STATUS", owner: "OWNER", account: "ACCOUNT", arr: "ARR",
                           title: "TITLE", widths: widths)
        if top + 1 <= bottom { put(heading, row: top + 1, into: &grid, roles: nil) }
        let rows = max(0, bottom - top - 1)
        if list.isEmpty {
            if rows > 0 { grid.put("Nothing open. All clear.", row: top + 2, column: 1, limit: width - 2, role: .dim) }
            return
        }
        let room = list.count > rows ? rows - 1 : rows
        for (i, e) in list.prefix(max(0, room)).enumerated() {
            guard let f = facts.facts[e.id] else { continue }
            let (clock, clockRole) = clockText(f, now: state.now)
            let changed = state.changedAt[e.id] != nil
            let cells = line(sev: String(e.severity.letter), id: e.id.description, clock: clock, status: f.status.label,
                             owner: e.owner.map(state.policy.people.displayName) ?? "unowned", account: e.account.name, arr: e.account.arr.short, title: e.title, widths: widths)
            put(cells, row: top + 2 + i, into: &grid,
                roles: [severityRole(e.severity), changed ? .changed : .normal, clockRole, f.status == .stalled ? .breached : .normal,
                        e.owner == nil ? .dim : .normal, .normal, .normal, .dim])
        }
        if list.count > rows, rows > 0 {
            let arrow = state.unicode ? "↓" : "v"
            grid.put("\(arrow) \(list.count - room) more", row: top + 1 + rows, column: 3, limit: width - 4, role: .dim)
        }
    }

    /// The fields of one line and where each starts.
    static func line(sev: String, id: String, clock: String, status: String, owner: String, account: String, arr: String,
                     title: String, widths: Widths) -> [(String, Int, Int)] {
        var out: [(String, Int, Int)] = []
        var x = 1
        func add(_ text: String, _ width: Int) {
            out.append((text, x, width))
            if width > 0 { x += width + 1 }
        }
        add(sev, 1)
        add(id, widths.id)
        add(clock, Widths.clock)
        add(status, widths.status)
        add(owner, widths.owner)
        add(account, widths.account)
        add(arr, Widths.arr)
        add(title, widths.title)
        return out
    }

    static func put(_ fields: [(String, Int, Int)], row: Int, into grid: inout ScreenGrid, roles: [Role]?) {
        for (i, field) in fields.enumerated() where field.2 > 0 {
            grid.put(field.0, row: row, column: field.1, limit: field.2, role: roles?[i] ?? .dim)
        }
    }

    /// "resolve breached 3h ago", "stalls in 4h": which clock, and when.
    static func clockText(_ f: EscalationFacts, now: Date) -> (String, Role) {
        guard let first = f.first else { return ("no clock running", .dim) }
        let left = first.deadline.timeIntervalSince(now)
        let span = DurationText.short(left)
        if first.kind == .stall {
            return left > 0 ? ("stalls in \(span)", left < 3600 ? .warning : .normal) : ("stalled \(span) ago", .breached)
        }
        let what: String
        switch first.kind {
        case .acknowledge: what = "ack"
        case .resolve: what = "resolve"
        case .internalUpdate: what = "update"
        case .customerUpdate: what = "cust upd"
        case .stall: what = "stall"
        }
        return left > 0 ? ("\(what) due in \(span)", left < 3600 ? .warning : .normal) : ("\(what) breached \(span) ago", .breached)
    }

    static func severityRole(_ s: Severity) -> Role {
        switch s {
        case .critical: .critical
        case .high: .high
        case .medium: .medium
        }
    }
}
