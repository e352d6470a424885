import EscalationKit
/// The line above the footer: the open prompt, or the outcome of the last action.
enum StatusLineView {
    static func draw(_ state: BoardState, into grid: inout ScreenGrid) {
        if InputLineView.drawStatus(state, into: &grid) { return }
        let row = grid.size.height - 2
        let width = grid.size.width
        if let prompt = state.prompt {
            let question = prompt.question + (prompt.isConfirmation ? state.yesNo : "") + " "
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
            draw(message, state: state, row: row, column: x, into: &grid)
        }
    }

    /// A message on the status row; one too long for it is cut and says which key shows it whole.
    static func draw(_ message: BoardState.Message, state: BoardState, row: Int, column: Int, into grid: inout ScreenGrid) {
        let room = grid.size.width - 1 - column
        let role: Role = message.isError ? .error : .normal
        guard DisplayWidth.of(SafeTextBridge.neutralized(message.text)) > room else {
            grid.put(message.text, row: row, column: column, limit: room, role: role)
            return
        }
        let hint = " \(state.keyLabel(.messages, in: .board)) more"
        let x = grid.put(message.text, row: row, column: column, limit: room - DisplayWidth.of(hint), role: role)
        grid.put(hint, row: row, column: x, limit: grid.size.width - 1 - x, role: .dim)
    }
}
