import Foundation
import EscalationKit
@testable import Board

/// The board fixture with a small account book, for the form's completion and value suggestion.
enum SheetFixture {
    static let accounts = [
        Account(name: "Acme Corp", arr: Money(85_000), segment: .enterprise, healthScore: 72,
                renewal: CalendarDay("2026-06-30"), strategic: false),
        Account(name: "Acorn Labs", arr: Money(9_000), segment: .smb),
        Account(name: "Globex", arr: Money(30_000), segment: .midMarket, renewal: CalendarDay("2027-01-15")),
    ]

    static func state(size: Size = Size(width: 80, height: 24), unicode: Bool = true) -> BoardState {
        var state = Fixture.state(size: size, unicode: unicode)
        state.accounts = accounts
        return state
    }

    static func form(_ state: BoardState) -> EscalationForm? { state.sheets.form }
}

extension BoardState {
    /// Puts the open form's focus on `field`, as if tabbed there.
    mutating func focusForm(on field: FormField) {
        sheets.form?.focus = field
    }

    /// Types text, character by character (into whatever has the keys).
    mutating func typeText(_ text: String) { for c in text { _ = handle(.key(.character(c))) } }

    /// Fills a new escalation up to the scores: account "Acme Corp" by completion, a title, a product defect, 4-?-4-4.
    mutating func fillHalf() {
        press(.character("n"))
        typeText("Ac")
        press(.tab)
        typeText("Nightly export drops rows")
        press(.tab, .character("p"), .tab, .character("4"), .tab, .tab, .character("4"), .tab, .character("4"))
    }
}
