import Foundation
import Testing
import EscalationKit
@testable import Board

/// The form, the brief and the reports as text, at 80×24 and 160×48, plain and styled.
@Suite struct SheetSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    func check(_ state: BoardState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let grid = BoardView.render(state)
        let suffix = "-\(state.size.width)x\(state.size.height)"
        Snapshot.check(grid.plainText, named: name + suffix, sourceLocation: sourceLocation)
        Snapshot.check(grid.styledText, named: name + suffix + ".styled", sourceLocation: sourceLocation)
        Invariants.check(grid, sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes) func emptyForm(size: Size) {
        var state = SheetFixture.state(size: size)
        state.press(.character("n"))
        check(state, "form-empty")
        #expect(BoardView.render(state).plainText.contains("New escalation"))
    }

    @Test(arguments: sizes) func halfFilledFormWithTheLiveScore(size: Size) {
        var state = SheetFixture.state(size: size)
        state.fillHalf()
        check(state, "form-scored")
        let text = BoardView.render(state).plainText
        #expect(text.contains("Total 17/20"))
        #expect(text.contains("Escalate with urgency"))
        #expect(text.contains("H High (suggested)"))
        #expect(text.contains("EUR 85k ARR · Enterprise · renews 2026-06-30"))
    }

    @Test(arguments: sizes) func validationErrorsBesideTheFields(size: Size) {
        var state = SheetFixture.state(size: size)
        state.press(.character("n"))
        state.typeText("Zoë 株式会社")
        state.press(.tab, .tab, .character("4"), .enter)
        check(state, "form-invalid")
        let text = BoardView.render(state).plainText
        #expect(text.contains("required"))
        #expect(text.contains("not a known account"))
    }

    @Test(arguments: sizes) func lintFindingsOnSave(size: Size) {
        var state = SheetFixture.state(size: size)
        state.fillHalf()
        state.press(.enter)
        check(state, "form-lint")
        #expect(BoardView.render(state).plainText.contains("Before saving: the brief has"))
    }

    @Test(arguments: sizes) func brief(size: Size) {
        var state = SheetFixture.state(size: size)
        state.press(.character("b"))
        check(state, "brief")
        #expect(BoardView.render(state).plainText.contains("## ESCALATION:"))
        state.press(.character("w"))
        check(state, "brief-write")
    }

    @Test(arguments: sizes) func weeklyReport(size: Size) {
        var state = SheetFixture.state(size: size)
        state.press(.character("R"))
        _ = state.handle(.archiveLoaded([]))
        check(state, "reports-weekly")
        #expect(BoardView.render(state).plainText.contains("Week ending 2026-03-13"))
    }

    @Test(arguments: sizes) func metricsByCategory(size: Size) throws {
        var state = SheetFixture.state(size: size)
        state.press(.character("R"), .character("3"))
        _ = state.handle(.archiveLoaded([]))
        check(state, "reports-category")
        #expect(BoardView.render(state).plainText.contains("by category"))
        // The table's every column is whole, the last included, at 80 columns as at 160.
        let lines = BoardView.render(state).plainText.split(separator: "\n")
        let header = try #require(lines.first { $0.contains("Group") && $0.contains("Count") })
        #expect(header.contains("ARR at risk"), "\(header)")
        #expect(!lines.contains { $0.contains("All") && $0.contains("…") && $0.contains("%") })
    }

    @Test func asciiFormAndReports() {
        var state = SheetFixture.state(size: Size(width: 80, height: 24), unicode: false)
        state.fillHalf()
        #expect(BoardView.render(state).plainText.unicodeScalars.allSatisfy { $0.isASCII })
        state.press(.escape, .character("y"), .character("R"), .character("2"))
        _ = state.handle(.archiveLoaded([]))
        let text = BoardView.render(state).plainText
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        Invariants.check(BoardView.render(state))
    }
}
