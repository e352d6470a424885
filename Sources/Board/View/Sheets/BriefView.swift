import EscalationKit

/// An escalation's brief in seed 001's layout, scrollable, with the lint findings on top.
enum BriefView {
    static func draw(_ sheet: BriefSheet, state: BoardState, into grid: inout ScreenGrid) {
        let layout = BoardLayout(size: state.size)
        let width = grid.size.width
        guard let e = state.ledger[sheet.id] else {
            grid.put("\(sheet.id) is no longer on the board.", row: layout.bodyTop, column: 2, role: .dim)
            return
        }
        var tabs: [Span] = [Span(e.id.description + "  ", .columnTitle)]
        for (i, page) in BriefSheet.pages.enumerated() {
            tabs.append(Span("\(i + 1) \(page?.rawValue.capitalized ?? "Brief")", page == sheet.draft ? .selected : .dim))
            tabs.append(Span("  "))
        }
        grid.put(tabs, row: 1, column: 1, limit: width - 2)
        let lines = self.lines(e, sheet: sheet, state: state)
        SheetView.drawScrolled(lines, from: sheet.scroll, state: state, into: &grid)
    }

    static func maxScroll(_ state: BoardState, sheet: BriefSheet) -> Int {
        guard let e = state.ledger[sheet.id] else { return 0 }
        return max(0, lines(e, sheet: sheet, state: state).count - BoardLayout(size: state.size).bodyHeight)
    }

    /// The page shown: the brief with its findings, or a draft as it would be sent.
    static func lines(_ e: Escalation, sheet: BriefSheet, state: BoardState) -> [[Span]] {
        guard sheet.draft != nil else { return lines(e, state: state) }
        let width = state.size.width - 4
        var out: [[Span]] = []
        for line in state.briefPage(e, sheet).markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            for part in Wrap.lines(SafeText.neutralized(text), width: width) { out.append([Span(part, text.hasPrefix("#") ? .columnTitle : .normal)]) }
        }
        while out.last?.allSatisfy({ $0.text.isEmpty }) == true { out.removeLast() }
        return out
    }

    /// The findings, a rule, then the Markdown brief, wrapped to the screen.
    static func lines(_ e: Escalation, state: BoardState) -> [[Span]] {
        let width = state.size.width - 4
        let (markdown, findings) = state.briefText(e)
        var out: [[Span]] = []
        out.append(findings.isEmpty ? [Span("Lint: no findings.", .changed)]
                   : [Span("Lint: \(findings.count) finding\(findings.count == 1 ? "" : "s")", .columnTitle)])
        // One line per finding here: the brief itself is what this view is for (the form shows the fixes).
        for f in findings {
            out.append([mark(f.severity, unicode: state.unicode), Span(" \(f.message) [\(f.id)]")])
        }
        out.append([Span(String(repeating: state.unicode ? "─" : "-", count: max(0, width)), .dim)])
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            let role: Role = text.hasPrefix("#") ? .columnTitle : .normal
            for part in Wrap.lines(SafeText.neutralized(text), width: width) { out.append([Span(part, role)]) }
        }
        while out.last?.allSatisfy({ $0.text.isEmpty }) == true { out.removeLast() }
        return out
    }

    /// One finding per entry: its severity, message and (dim, indented) fix.
    static func findingLines(_ findings: [LintFinding], width: Int, unicode: Bool) -> [[Span]] {
        var out: [[Span]] = []
        for f in findings {
            let mark = self.mark(f.severity, unicode: unicode)
            let body = Wrap.lines("\(f.message) [\(f.id)]", width: max(10, width - 10))
            for (i, part) in body.enumerated() {
                out.append([i == 0 ? mark : Span(String(repeating: " ", count: 9)), Span(" " + part)])
            }
            for part in Wrap.lines(f.fix, width: max(10, width - 12)) { out.append([Span(String(repeating: " ", count: 12) + part, .dim)]) }
        }
        return out
    }

    /// The severity of a finding, marked so it reads without colour too.
    static func mark(_ severity: LintSeverity, unicode: Bool) -> Span {
        switch severity {
        case .error: Span(unicode ? "✗ error  " : "x error  ", .error)
        case .warning: Span(unicode ? "⚠ warning" : "! warning", .warning)
        case .info: Span(unicode ? "· info   " : "- info   ", .dim)
        }
    }
}
