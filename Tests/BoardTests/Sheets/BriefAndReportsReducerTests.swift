import Foundation
import Testing
import EscalationKit
@testable import Board

/// The brief view's keys (scroll, copy, write) and the reports' pages.
@Suite struct BriefAndReportsReducerTests {
    @Test func yCopiesTheBriefInSeed001sLayoutThroughTheTerminal() {
        var state = SheetFixture.state()
        let e = state.target!
        state.press(.character("b"))
        let effects = state.press(.character("y"))
        let markdown = BriefDocument(e, at: state.now, policy: state.policy).markdown
        #expect(effects == [.copyToClipboard(markdown)])
        #expect(markdown.hasPrefix("## ESCALATION: "))
        #expect(state.message?.text.contains("OSC 52") == true)
    }

    @Test func wAsksForAPathWithADefaultAndWritesThere() {
        var state = SheetFixture.state()
        let e = state.target!
        state.press(.character("b"), .character("w"))
        guard case .brief(let sheet)? = state.sheets.current else { Issue.record("no brief"); return }
        #expect(sheet.path == "./\(e.id)-brief.md")
        var effects = state.press(.enter)
        #expect(effects == [.writeFile(path: "./\(e.id)-brief.md", contents: state.briefText(e).markdown)])
        state.press(.character("w"), .control("u"))
        state.typeText("/tmp/x.md")
        effects = state.press(.enter)
        #expect(effects.first == .writeFile(path: "/tmp/x.md", contents: state.briefText(e).markdown))
        _ = state.handle(.fileWritten(path: "/tmp/x.md", error: "Permission denied"))
        #expect(state.message == BoardState.Message("Could not write /tmp/x.md: Permission denied", isError: true))
        state.press(.escape)
        #expect(state.sheets.current == nil)
    }

    @Test func theBriefScrollsWithinItsLength() {
        var state = SheetFixture.state()
        state.press(.character("b"), .character("G"))
        guard case .brief(let sheet)? = state.sheets.current else { Issue.record("no brief"); return }
        #expect(sheet.scroll > 0)
        #expect(sheet.scroll == BriefView.maxScroll(state, sheet: sheet))
    }

    @Test func reportsPagesByNumberAndTab() {
        var state = SheetFixture.state()
        state.press(.character("R"))
        func page() -> ReportsSheet.Page? { if case .reports(let r)? = state.sheets.current { r.page } else { nil } }
        #expect(page() == .weekly)
        state.press(.character("3"))
        #expect(page() == .category)
        state.press(.tab)
        #expect(page() == .segment)
        state.press(.tab)
        #expect(page() == .weekly)
        state.press(.backTab)
        #expect(page() == .segment)
        state.press(.escape)
        #expect(state.sheets.current == nil)
    }
}
