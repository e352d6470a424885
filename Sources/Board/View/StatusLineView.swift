import EscalationKit
/// The line above the footer: the open prompt, or the outcome of the last action.
enum StatusLineView {
    static func draw(_ state: BoardState, into grid: inout ScreenGrid) {
        if InputLineView.drawStatus(state, into: &grid) { return }
        let row = grid.size.height - 2
        let width = grid.size.width
        if let prompt = state.prompt {
            let question = prompt.question + " "
            var x = grid.put(question, row: row, column: 1, limit: width - 2, role: .prompt)
            // Long answers scroll: the end being typed stays visible.
            let room = max(0, width - 1 - x - 1)
            var answer = prompt.text
            while DisplayWidth.of(answer) > room, !answer.isEmpty { answer.removeFirst() }
            x = grid.put(answer, row: row, column: x, limit: room)
            grid.put(Symbols(unicode: state.unicode).promptCursor, row: row, column: x, limit: 1, role: .prompt)
            if let message = state.message, message.isError, x + 3 < width {
                grid.put("  " + message.text, row: row, column: x + 1, limit: width - x - 2, role: .error)
            }
        } else {
            drawOutcome(state, row: row, into: &grid)
        }
    }

    /// Commits still on their way ("saving… (waiting for …)"), then the outcome of the last action.
    static func drawOutcome(_ state: BoardState, row: Int, into grid: inout ScreenGrid) {
        let width = grid.size.width
        var x = 1
        if let saving = state.saving.status(unicode: state.unicode) {
            x = grid.put(saving, row: row, column: x, limit: width - 2, role: .dim) + 2
        }
        if let message = state.message, x < width - 2 {
            grid.put(message.text, row: row, column: x, limit: width - 1 - x, role: message.isError ? .error : .normal)
        }
    }
}
