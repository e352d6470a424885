import Foundation
import Testing
import EscalationKit
@testable import Board

/// The reports count archived escalations, as `escalator metrics` and `report weekly` do: the
/// board asks for the archive as an effect and shows no figures until it has come back.
@Suite struct ReportsArchiveTests {
    /// A demo history: everything closed more than 14 days ago is in the "archive", the rest on the board.
    static func split() -> (board: Ledger, archived: [Escalation], all: Ledger) {
        let events = DemoData.events(count: 300, open: 30, seed: 5, now: Fixture.now, policy: .standard)
        var all = Ledger()
        for event in events { try! all.apply(event) }
        let cutoff = Fixture.now.addingTimeInterval(-14 * 86_400)
        let archived = all.escalations.values.filter { $0.status == .closed && ($0.closedAt ?? Fixture.now) < cutoff }
        var board = all
        board.remove(archived.map(\.id))
        return (board, archived, all)
    }

    func text(_ ledger: Ledger, archived: [Escalation], page: Character) -> String {
        var state = BoardState(ledger: ledger, policy: .standard, now: Fixture.now, storeName: "s", size: Size(width: 160, height: 48))
        let effects = state.press(.character("R"), .character(page))
        #expect(effects == [.loadArchive])
        _ = state.handle(.archiveLoaded(archived))
        return BoardView.render(state).plainText
    }

    @Test func theFiguresIncludeTheArchive() {
        let (board, archived, all) = Self.split()
        #expect(archived.count > 50, "the demo history has an archive: \(archived.count)")
        for page: Character in ["1", "2", "3", "4"] {
            let shown = text(board, archived: archived, page: page)
            #expect(shown == text(all, archived: [], page: page), "page \(page): the board and the archive count as one store")
        }
        // Without the archive the metrics would count fewer: the numbers above are not the board's alone.
        #expect(text(board, archived: [], page: "2") != text(all, archived: [], page: "2"))
    }

    @Test func noFiguresUntilTheArchiveIsReadAndAFailureIsSaid() {
        let (board, _, _) = Self.split()
        var state = BoardState(ledger: board, policy: .standard, now: Fixture.now, storeName: "s", size: Size(width: 120, height: 40))
        #expect(state.press(.character("R")) == [.loadArchive])
        var screen = BoardView.render(state).plainText
        #expect(screen.contains("Reading the archive"))
        #expect(!screen.contains("Active "), "no figures before the archive is read: \(screen)")
        _ = state.handle(.archiveFailed("archive.jsonl line 3: not JSON"))
        screen = BoardView.render(state).plainText
        #expect(screen.contains("The archive could not be read (archive.jsonl line 3: not JSON)"))
        // An answer that comes after the reports were closed changes nothing.
        state.press(.escape)
        _ = state.handle(.archiveLoaded([]))
        #expect(state.sheets.current == nil)
    }
}
