import EscalationKit

extension BoardState {
    /// The brief in seed 001's layout, with the lint findings, as the brief view and `y` / `w` use it.
    func briefText(_ e: Escalation) -> (markdown: String, findings: [LintFinding]) {
        (BriefDocument(e, at: now, policy: policy).markdown,
         BriefLinter.lint(e, among: Array(ledger.escalations.values), at: now, policy: policy))
    }

    /// What the brief view shows: the brief, or one of the drafts a person sends (`MessageDraft`).
    func briefPage(_ e: Escalation, _ sheet: BriefSheet) -> (markdown: String, name: String) {
        guard let audience = sheet.draft else { return (briefText(e).markdown, "the brief") }
        return (MessageDraft(for: audience, of: e, at: now, policy: policy).markdown, "the \(audience.title.lowercased()) draft")
    }

    /// Keys in the brief: scroll, Tab / ← → / 1–5 between the brief and the drafts, `y` copy what is
    /// shown (OSC 52), `w` write it to a file (asks the path), Esc back.
    mutating func handleBriefKey(_ key: Key, sheet: inout BriefSheet) -> [Effect] {
        guard let e = ledger[sheet.id] else {
            closeSheet()
            return []
        }
        if var path = sheet.path {
            switch key {
            case .escape:
                sheet.path = nil
                message = Message("Not written.", isError: false)
            case .enter:
                let chosen = path.trimmingCharacters(in: .whitespaces)
                sheet.path = nil
                return [.writeFile(path: chosen.isEmpty ? sheet.defaultPath : chosen, contents: briefPage(e, sheet).markdown)]
            case .backspace, .delete:
                if !path.isEmpty { path.removeLast() }
                sheet.path = path
            case .control("u"):
                sheet.path = ""
            case .character(let c):
                guard !c.unicodeScalars.contains(where: SafeText.isControl) else { return [] }
                sheet.path = path + String(c)
            default: break
            }
            return []
        }
        message = nil
        let page = max(1, BoardLayout(size: size).bodyHeight - 1)
        switch key {
        case .escape, .backspace, .character("q"), .character("b"):
            closeSheet()
        case .character("j"), .down: sheet.scroll += 1
        case .character("k"), .up: sheet.scroll -= 1
        case .pageDown, .character(" "): sheet.scroll += page
        case .pageUp: sheet.scroll -= page
        case .character("g"), .home: sheet.scroll = 0
        case .character("G"), .end: sheet.scroll = Int.max / 2
        case .tab, .right, .character("l"), .backTab, .left, .character("h"):
            let pages = BriefSheet.pages
            let index = pages.firstIndex(of: sheet.draft) ?? 0
            let step = [.backTab, .left, .character("h")].contains(key) ? pages.count - 1 : 1
            sheet.draft = pages[(index + step) % pages.count]
            sheet.scroll = 0
        case .character(let c) where ("1"..."5").contains(c):
            sheet.draft = BriefSheet.pages[c.wholeNumberValue! - 1]
            sheet.scroll = 0
        case .character("y"):
            let (markdown, name) = briefPage(e, sheet)
            message = Message("Copied \(name) of \(e.id) to the clipboard (OSC 52, \(markdown.utf8.count) bytes).", isError: false)
            return [.copyToClipboard(markdown)]
        case .character("w"):
            sheet.path = sheet.defaultPath
        default: break
        }
        sheet.scroll = min(max(0, sheet.scroll), BriefView.maxScroll(self, sheet: sheet))
        return []
    }

    /// Keys in the reports: Tab / ← → or 1–4 between the weekly summary and the metrics, scroll, Esc back.
    mutating func handleReportsKey(_ key: Key, sheet: inout ReportsSheet) {
        let pages = ReportsSheet.Page.allCases
        let index = pages.firstIndex(of: sheet.page)!
        message = nil
        switch key {
        case .escape, .backspace, .character("q"), .character("R"):
            closeSheet()
            return
        case .tab, .right, .character("l"): sheet.page = pages[(index + 1) % pages.count]; sheet.scroll = 0
        case .backTab, .left, .character("h"): sheet.page = pages[(index + pages.count - 1) % pages.count]; sheet.scroll = 0
        case .character(let c) where ("1"..."4").contains(c):
            sheet.page = pages[c.wholeNumberValue! - 1]
            sheet.scroll = 0
        case .character("j"), .down: sheet.scroll += 1
        case .character("k"), .up: sheet.scroll -= 1
        case .pageDown, .character(" "): sheet.scroll += max(1, BoardLayout(size: size).bodyHeight - 2)
        case .pageUp: sheet.scroll -= max(1, BoardLayout(size: size).bodyHeight - 2)
        case .character("g"), .home: sheet.scroll = 0
        case .character("G"), .end: sheet.scroll = Int.max / 2
        default: break
        }
        sheet.scroll = min(max(0, sheet.scroll), ReportsView.maxScroll(self, sheet: sheet))
    }
}
