import Foundation
import EscalationKit

/// The escalation form: one line per field with its validation message beside it, the matched
/// account's facts, and the live score (total, decision band, suggested severity) under the scores.
/// On save with lint findings, the findings take the form's place until the user saves or goes back.
enum FormView {
    static let labelWidth = 15

    static func draw(_ form: EscalationForm, state: BoardState, into grid: inout ScreenGrid) {
        let width = grid.size.width
        let layout = BoardLayout(size: state.size)
        let r = state.reading(form)
        let title: [Span] = form.editedID.map { id in [Span("Edit ", .columnTitle), Span(id.description, .selected), Span("  " + (r.edited?.title ?? ""))] }
            ?? [Span("New escalation", .columnTitle), Span("  live scoring by the decision framework · Enter saves after the lint", .dim)]
        grid.put(title, row: 1, column: 1, limit: width - 2)

        if case .review(let findings) = form.phase {
            drawReview(findings, state: state, into: &grid)
            return
        }
        let rows = self.rows(form, reading: r, state: state)
        let focusIndex = rows.firstIndex { $0.field == form.focus } ?? 0
        let visible = layout.bodyHeight
        let top = max(0, min(focusIndex - visible + 2, rows.count - visible))
        for (i, row) in rows.dropFirst(top).prefix(visible).enumerated() {
            let y = layout.bodyTop + i
            if let field = row.field {
                drawField(field, form: form, reading: r, state: state, row: y, into: &grid)
            } else {
                grid.put(row.spans, row: y, column: 2 + labelWidth + 1, limit: width - labelWidth - 4)
            }
        }
    }

    struct Row {
        var field: FormField?
        var spans: [Span] = []
    }

    static func rows(_ form: EscalationForm, reading r: FormReading, state: BoardState) -> [Row] {
        var out: [Row] = []
        for field in r.visibleFields {
            out.append(Row(field: field))
            if field == .account { out.append(Row(spans: accountFacts(form, reading: r, state: state))) }
            if field == .capabilityScore { out.append(Row(spans: scoreLine(r, unicode: state.unicode))) }
        }
        return out
    }

    /// Under the account: the known account's ARR, segment and renewal, or the completion on offer.
    static func accountFacts(_ form: EscalationForm, reading r: FormReading, state: BoardState) -> [Span] {
        let typed = form.values[.account].trimmedSpaces
        if let a = r.account ?? r.edited.flatMap({ FormReading.key($0.account.name) == FormReading.key(typed) ? $0.account : nil }) {
            var facts = "\(a.arr.short) ARR · \(a.segment.label)"
            if let renewal = a.renewal {
                let days = CalendarDay(state.now, in: state.policy.calendar.timeZone).days(until: renewal)
                facts += " · renews \(renewal) (\(days >= 0 ? "in \(days)d" : "\(-days)d ago"))"
            }
            if let health = a.healthScore { facts += " · health \(health)" }
            if a.strategic { facts += " · strategic" }
            return [Span(facts, .dim)]
        }
        if !r.completions.isEmpty {
            let offered = r.completions[min(form.completion, r.completions.count - 1)]
            var spans = [Span("Tab: ", .dim), Span(offered.name, .key), Span(" · \(offered.arr.short) · \(offered.segment.label)", .dim)]
            if r.completions.count > 1 { spans.append(Span("  (\(r.completions.count) matches, ↑↓)", .dim)) }
            return spans
        }
        if typed.isEmpty {
            return [Span(state.accounts.isEmpty ? "no accounts known yet: type the name" : "type to complete from \(state.accounts.count) known accounts", .dim)]
        }
        return [Span("not a known account: ARR unknown (add it with `escalator accounts`)", .warning)]
    }

    /// The live score: total, band and suggested severity once all four are known.
    static func scoreLine(_ r: FormReading, unicode: Bool) -> [Span] {
        guard let card = r.scorecard else {
            let (sum, count) = r.partialTotal
            return [Span("Total ", .dim), Span("\(sum)", .normal), Span(" so far (\(count) of 4 scores)", .dim)]
        }
        let arrow = unicode ? " → " : " -> "
        return [Span("Total ", .dim), Span("\(card.total)/20", .columnTitle), Span(" · ", .dim),
                Span(card.decision.label, card.decision >= .escalateWithUrgency ? .warning : .normal),
                Span(arrow + "suggests ", .dim), Span(card.suggestedSeverity.label, SheetView.role(card.suggestedSeverity)),
                Span(" · route to " + card.routeTo, .dim)]
    }

    static func drawField(_ field: FormField, form: EscalationForm, reading r: FormReading, state: BoardState,
                          row y: Int, into grid: inout ScreenGrid) {
        let width = grid.size.width
        let focused = field == form.focus
        let symbols = Symbols(unicode: state.unicode)
        if focused { grid.put(state.unicode ? "▸" : ">", row: y, column: 1, limit: 1, role: .prompt) }
        grid.put(CellText.padded(field.label, columns: labelWidth - 1), row: y, column: 2, limit: labelWidth - 1,
                 role: focused ? .prompt : .dim)
        let x = 2 + labelWidth
        let valueWidth = max(20, min(48, (width - x) / 2))
        if focused { grid.fill(row: y, column: x, count: valueWidth, selected: true) }

        var spans: [Span] = []
        let v = form.values
        switch field.kind {
        case .line, .longText:
            let whole = v[field]
            // The line shown holds the caret (the first when the field is not focused).
            let caret = focused ? form.caretOffset : 0
            let lines = whole.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var lineIndex = 0, lineStart = 0
            while lineIndex < lines.count - 1, caret > lineStart + lines[lineIndex].count {
                lineStart += lines[lineIndex].count + 1
                lineIndex += 1
            }
            let line = lines.isEmpty ? "" : lines[lineIndex]
            let more = lines.count > 1 ? " (+\(lines.count - 1) lines)" : ""
            if focused {
                let split = line.index(line.startIndex, offsetBy: min(line.count, max(0, caret - lineStart)))
                var before = String(line[..<split])
                var after = String(line[split...])
                // The caret stays visible: text before it scrolls off the left, text after it is cut.
                let room = valueWidth - 2 - DisplayWidth.of(more)
                while DisplayWidth.of(before) > room, !before.isEmpty { before.removeFirst() }
                let left = room - DisplayWidth.of(before)
                if DisplayWidth.of(after) > left { after = DisplayWidth.truncate(after, to: max(0, left), unicode: state.unicode) }
                spans.append(Span(before))
                if after.isEmpty, field == .account, let offered = r.completions.first,
                   offered.name.lowercased().hasPrefix(before.lowercased()), !before.isEmpty, form.completion == 0 {
                    spans.append(Span(String(offered.name.dropFirst(before.count)), .dim))
                }
                if after.isEmpty {
                    if !more.isEmpty { spans.append(Span(more, .dim)) }
                    spans.append(Span(symbols.promptCursor, .prompt))
                } else {
                    spans.append(Span(symbols.promptCursor, .prompt))
                    spans.append(Span(after))
                    if !more.isEmpty { spans.append(Span(more, .dim)) }
                }
            } else {
                spans.append(Span(line))
                if !more.isEmpty { spans.append(Span(more, .dim)) }
            }
        case .score:
            let dimension = field.dimension!
            if let score = r.score(dimension) {
                let bar = String(repeating: state.unicode ? "■" : "#", count: score) + String(repeating: state.unicode ? "□" : ".", count: 5 - score)
                spans.append(Span("\(score) ", .columnTitle))
                spans.append(Span(bar, score >= 4 ? .warning : .normal))
                if v.scores[dimension] == nil { spans.append(Span(" suggested", .dim)) }
            } else {
                spans.append(Span("—", .dim))
            }
        case .choice:
            switch field {
            case .category:
                spans.append(v.category.map { Span($0.label) } ?? Span("—", .dim))
                if let c = v.category { spans.append(Span(" → " + (state.policy.teams[state.policy.rule(for: c).team]?.name ?? state.policy.rule(for: c).team), .dim)) }
            case .severity:
                if let s = r.severity {
                    spans.append(Span("\(s.letter) \(s.label)", SheetView.role(s)))
                    if let suggested = r.suggestedSeverity {
                        spans.append(Span(s == suggested ? " (suggested)" : " (suggested: \(suggested.label))", .dim))
                    }
                } else {
                    spans.append(Span("— follows the score", .dim))
                }
            case .tier:
                spans.append(Span("\(r.tier)"))
                if let name = state.policy.tiers[r.tier]?.name { spans.append(Span(" · " + name, .dim)) }
                if v.tier == nil { spans.append(Span(" (default)", .dim)) }
            default: break
            }
        }
        grid.put(spans, row: y, column: x + 1, limit: valueWidth - 1, selected: focused)

        // Beside the field: what is wrong, else a hint for the focused field.
        let hintX = x + valueWidth + 2
        guard hintX < width - 4 else { return }
        if let problem = r.shownProblems[field] {
            grid.put((state.unicode ? "✗ " : "! ") + problem, row: y, column: hintX, limit: width - hintX - 1, role: .error)
        } else if let hint = hint(field, focused: focused, reading: r, state: state) {
            grid.put(hint, row: y, column: hintX, limit: width - hintX - 1, role: .dim)
        }
    }

    static func hint(_ field: FormField, focused: Bool, reading r: FormReading, state: BoardState) -> String? {
        if let dimension = field.dimension {
            guard let score = r.score(dimension) else { return focused ? "1–5 (← → or a digit)" : nil }
            if dimension == .value, r.form.values.scores[.value] == nil, let s = r.valueSuggestion { return s.reason }
            return dimension.rationale(for: score)
        }
        guard focused else { return nil }
        let editor = state.keyLabel(.externalEditor, in: .form)
        switch field {
        case .account: return "\(state.keyLabel(.nextField, in: .form)) completes"
        case .category: return "← → or a letter"
        case .severity: return "← → or c/h/m; Backspace: the suggestion"
        case .reason: return r.edited == nil ? "why override the suggestion" : "why severity/tier/category change"
        case .tier: return "← → or 1–4"
        case .impact: return "2–3 quantified sentences · \(editor) editor"
        case .description, .tried, .reproduction: return field == .tried ? "step -> result, one a line · \(editor)" : "\(editor) opens $EDITOR"
        case .communication: return "what the customer was told"
        case .ask: return "investigate / fix / decide / approve …"
        case .deadline: return "YYYY-MM-DD"
        case .affected: return "e.g. 3 customers, 250 users"
        case .revenue: return "e.g. EUR 194k ARR at risk"
        case .links: return "tickets, threads, logs"
        default: return nil
        }
    }

    /// The lint findings shown on save: fix them or save anyway.
    static func drawReview(_ findings: [LintFinding], state: BoardState, into grid: inout ScreenGrid) {
        let layout = BoardLayout(size: state.size)
        let width = grid.size.width
        let errors = findings.filter { $0.severity == .error }.count
        var lines: [[Span]] = [[Span("Before saving: the brief has \(findings.count) finding\(findings.count == 1 ? "" : "s")"
                                      + (errors > 0 ? " (\(errors) error\(errors == 1 ? "" : "s"))" : ""), errors > 0 ? .error : .warning)],
                               [Span("Common escalation mistakes. Enter or s saves anyway; Esc or f goes back to fix.", .dim)], []]
        lines += BriefView.findingLines(findings, width: width - 4, unicode: state.unicode)
        for (i, line) in lines.prefix(layout.bodyHeight).enumerated() {
            grid.put(line, row: layout.bodyTop + i, column: 2, limit: width - 4)
        }
    }
}
