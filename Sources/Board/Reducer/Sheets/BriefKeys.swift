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
            guard let intent = lineIntent(for: key, in: .prompt) else {
                if case .character(let c) = key, !c.unicodeScalars.contains(where: SafeText.isControl) { sheet.path = path + String(c) }
                return []
            }
            switch intent {
            case .cancel:
                sheet.path = nil
                message = Message("Not written.", isError: false)
            case .submit:
                let chosen = path.trimmedSpaces
                sheet.path = nil
                return [.writeFile(path: chosen.isEmpty ? sheet.defaultPath : chosen, contents: briefPage(e, sheet).markdown)]
            case .erase:
                if !path.isEmpty { path.removeLast() }
                sheet.path = path
            case .clearText:
                sheet.path = ""
            default: break
            }
            return []
        }
        message = nil
        guard let intent = keyMap.intent(for: key, in: .brief) else { return [] }
        switch intent {
        case .quit: return [.quit]
        case .back, .brief: closeSheet()
        case .nextPage, .previousPage:
            let pages = BriefSheet.pages
            let index = pages.firstIndex(of: sheet.draft) ?? 0
            sheet.draft = pages[(index + (intent == .nextPage ? 1 : pages.count - 1)) % pages.count]
            sheet.scroll = 0
        case .briefPage, .customerDraft, .teamDraft, .managementDraft, .executiveDraft:
            sheet.draft = intent == .briefPage ? nil
                : intent == .customerDraft ? .customer : intent == .teamDraft ? .team : intent == .managementDraft ? .management : .executive
            sheet.scroll = 0
        case .copyBrief:
            let (markdown, name) = briefPage(e, sheet)
            message = Message("Copied \(name) of \(e.id) to the clipboard (OSC 52, \(markdown.utf8.count) bytes).", isError: false)
            return [.copyToClipboard(markdown)]
        case .writeBrief:
            sheet.path = sheet.defaultPath
        default:
            sheet.scroll = Self.scrolled(sheet.scroll, by: intent, page: max(1, BoardLayout(size: size).bodyHeight - 1))
        }
        sheet.scroll = min(max(0, sheet.scroll), BriefView.maxScroll(self, sheet: sheet))
        return []
    }

    /// A scroll position after a scrolling intent (↑ ↓, a page, the top, the bottom).
    static func scrolled(_ scroll: Int, by intent: Intent, page: Int) -> Int {
        switch intent {
        case .up: scroll - 1
        case .down: scroll + 1
        case .pageUp: scroll - page
        case .pageDown: scroll + page
        case .first: 0
        case .last: Int.max / 2
        default: scroll
        }
    }

    /// Keys in the reports (the key map's reports context): between the pages, scroll, back.
    mutating func handleReportsKey(_ key: Key, sheet: inout ReportsSheet) -> [Effect] {
        let pages = ReportsSheet.Page.allCases
        let index = pages.firstIndex(of: sheet.page)!
        message = nil
        guard let intent = keyMap.intent(for: key, in: .reports) else { return [] }
        switch intent {
        case .quit: return [.quit]
        case .back, .reports:
            closeSheet()
            return []
        case .nextPage: sheet.page = pages[(index + 1) % pages.count]; sheet.scroll = 0
        case .previousPage: sheet.page = pages[(index + pages.count - 1) % pages.count]; sheet.scroll = 0
        case .weeklyPage: sheet.page = .weekly; sheet.scroll = 0
        case .tierPage: sheet.page = .tier; sheet.scroll = 0
        case .categoryPage: sheet.page = .category; sheet.scroll = 0
        case .segmentPage: sheet.page = .segment; sheet.scroll = 0
        default: sheet.scroll = Self.scrolled(sheet.scroll, by: intent, page: max(1, BoardLayout(size: size).bodyHeight - 2))
        }
        sheet.scroll = min(max(0, sheet.scroll), ReportsView.maxScroll(self, sheet: sheet))
        return []
    }
}
