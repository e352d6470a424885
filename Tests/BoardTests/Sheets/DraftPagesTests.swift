import Foundation
import Testing
import EscalationKit
@testable import Board

/// The brief view offers each draft a person sends: Tab or 1–5 between them, `y` copies and `w` writes the one shown.
@Suite struct DraftPagesTests {
    @Test func tabShowsTheCustomerDraftAndYCopiesIt() {
        var state = SheetFixture.state()
        let e = state.target!
        state.press(.character("b"), .tab)
        guard case .brief(let sheet)? = state.sheets.current else { Issue.record("no brief"); return }
        #expect(sheet.draft == .customer)
        let customer = MessageDraft(for: .customer, of: e, at: state.now, policy: state.policy).markdown
        #expect(state.press(.character("y")) == [.copyToClipboard(customer)])
        #expect(state.message?.text.contains("customer update draft") == true)
        let screen = BoardView.render(state).plainText
        #expect(screen.contains("1 Brief  2 Customer  3 Team  4 Management  5 Executive"))
        #expect(screen.contains("# We have escalated your issue: "))
        #expect(!screen.contains(e.owner ?? "—no owner—"))
    }

    @Test func eachPageByNumberAndWWritesItUnderItsOwnName() {
        var state = SheetFixture.state()
        let e = state.target!
        state.press(.character("b"), .character("5"), .character("w"))
        guard case .brief(let sheet)? = state.sheets.current else { Issue.record("no brief"); return }
        #expect(sheet.draft == .executive)
        #expect(sheet.path == "./\(e.id)-executive.md")
        let executive = MessageDraft(for: .executive, of: e, at: state.now, policy: state.policy).markdown
        #expect(state.press(.enter) == [.writeFile(path: "./\(e.id)-executive.md", contents: executive)])
        // Back round to the brief: Shift-Tab from the first draft, and 1.
        state.press(.character("2"), .backTab)
        guard case .brief(let back)? = state.sheets.current else { Issue.record("no brief"); return }
        #expect(back.draft == nil)
        #expect(state.press(.character("y")) == [.copyToClipboard(state.briefText(e).markdown)])
        state.press(.left)
        guard case .brief(let last)? = state.sheets.current else { Issue.record("no brief"); return }
        #expect(last.draft == .executive)
    }
}
