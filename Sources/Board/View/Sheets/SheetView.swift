import EscalationKit

/// A sheet over the board (form, brief, reports), with its own status line and footer.
enum SheetView {
    static func draw(_ sheet: Sheet, state: BoardState, into grid: inout ScreenGrid) {
        let footer: [Span]
        var question: [Span]?
        let enter = state.unicode ? "⏎" : "Enter"
        switch sheet {
        case .form(let form):
            FormView.draw(form, state: state, into: &grid)
            switch form.phase {
            case .review:
                footer = keys([(enter + " s", "save anyway"), ("Esc f", "go back and fix")])
            case .confirmDiscard:
                question = [Span(form.editedID == nil ? "Discard this escalation? (y/n)" : "Discard the changes? (y/n)", .prompt)]
                footer = keys([("y", "discard"), ("n Esc", "keep editing")])
            case .saving:
                footer = [Span("saving…", .dim)]
            case .editing:
                // ← → move the caret in text and go through the values of a choice or a score.
                let arrows = form.focus.isText ? "move" : "choose"
                footer = keys([("Tab ⇧Tab", "field"), ("← →", arrows), ("^E", "$EDITOR"), (enter, "save"), ("Esc", "cancel")], unicode: state.unicode)
            }
        case .brief(let brief):
            BriefView.draw(brief, state: state, into: &grid)
            if let path = brief.path {
                question = [Span("Write the brief to: ", .prompt), Span(path), Span(Symbols(unicode: state.unicode).promptCursor, .prompt)]
                footer = keys([(enter, "write"), ("Esc", "cancel"), ("^U", "clear")])
            } else {
                footer = keys([("j k", "scroll"), ("y", "copy (OSC 52)"), ("w", "write to a file"), ("Esc", "back")])
            }
        case .reports(let reports):
            ReportsView.draw(reports, state: state, into: &grid)
            footer = keys([("Tab 1-4", "weekly/tier/category/segment"), ("j k", "scroll"), ("Esc", "back")])
        }
        let status = grid.size.height - 2
        if let question {
            grid.put(question, row: status, column: 1, limit: grid.size.width - 2)
        } else {
            StatusLineView.drawOutcome(state, row: status, into: &grid)
        }
        grid.put(footer, row: grid.size.height - 1, column: 1, limit: grid.size.width - 1)
    }

    static func keys(_ pairs: [(String, String)], unicode: Bool = true) -> [Span] {
        pairs.flatMap { key, what in
            [Span(unicode ? key : key.replacingOccurrences(of: "⇧Tab", with: "S-Tab").replacingOccurrences(of: "← →", with: "<- ->"), .key),
             Span(" \(what)  ")]
        }
    }

    /// The role that carries a severity's colour.
    static func role(_ severity: Severity) -> Role {
        switch severity {
        case .critical: .critical
        case .high: .high
        case .medium: .medium
        }
    }

    /// Lines of a scrollable sheet from `scroll`, under its title row, with "↓ N more" when they go on.
    static func drawScrolled(_ lines: [[Span]], from scroll: Int, state: BoardState, into grid: inout ScreenGrid) {
        let layout = BoardLayout(size: state.size)
        let width = grid.size.width
        let visible = layout.bodyHeight
        let top = min(scroll, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            grid.put(line, row: layout.bodyTop + i, column: 2, limit: width - 4)
        }
        if top + visible < lines.count {
            let more = "\(Symbols(unicode: state.unicode).down) \(lines.count - top - visible) more"
            grid.put(more, row: layout.bodyTop + visible - 1, column: width - DisplayWidth.of(more) - 2, role: .dim)
        }
    }
}
