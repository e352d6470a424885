import EscalationKit

/// A sheet over the board (form, brief, reports), with its own status line and footer.
enum SheetView {
    static func draw(_ sheet: Sheet, state: BoardState, into grid: inout ScreenGrid) {
        var question: [Span]?
        switch sheet {
        case .form(let form):
            FormView.draw(form, state: state, into: &grid)
            if case .confirmDiscard = form.phase {
                question = [Span((form.editedID == nil ? "Discard this escalation?" : "Discard the changes?") + state.yesNo, .prompt)]
            }
        case .brief(let brief):
            BriefView.draw(brief, state: state, into: &grid)
            if let path = brief.path {
                let what = brief.draft.map { "the \($0.title.lowercased()) draft" } ?? "the brief"
                question = [Span("Write \(what) to: ", .prompt), Span(path), Span(Symbols(unicode: state.unicode).promptCursor, .prompt)]
            }
        case .reports(let reports):
            ReportsView.draw(reports, state: state, into: &grid)
        case .messages(let messages):
            MessagesView.draw(messages, state: state, into: &grid)
        }
        let footer: [Span]
        if case .form(let form) = sheet, case .saving = form.phase {
            footer = [Span("saving…", .dim)]
        } else if case .form(let form) = sheet, case .editing = form.phase {
            // ← → move the caret in text and go through the values of a choice or a score: the
            // footer says which, after the field keys.
            var spans = state.keyMap.footer(in: .form, unicode: state.unicode)
            let arrows = [Intent.left, .right].map { state.keyLabel($0, in: .form) }.joined(separator: " ")
            spans.insert(contentsOf: [Span(arrows, .key), Span(form.focus.isText ? " move  " : " choose  ")], at: min(spans.count, 4))
            footer = spans
        } else {
            footer = state.keyMap.footer(in: state.keyContext, unicode: state.unicode)
        }
        let status = grid.size.height - 2
        if let question {
            grid.put(question, row: status, column: 1, limit: grid.size.width - 2)
        } else {
            StatusLineView.drawOutcome(state, row: status, into: &grid)
        }
        grid.put(footer, row: grid.size.height - 1, column: 1, limit: grid.size.width - 1)
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
