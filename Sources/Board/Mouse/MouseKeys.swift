import EscalationKit

extension BoardState {
    /// A click selects the card under it (focusing its column); the wheel moves through the column
    /// under it, or scrolls the detail or help view. Ignored while a line takes typed text.
    mutating func handleMouse(_ mouse: Mouse) -> [Effect] {
        guard prompt == nil, !find.isTyping, !commandLine.isOpen else { return [] }
        let step = mouse.action == .wheelDown ? 3 : -3
        if showingHelp {
            if mouse.action != .press {
                helpScroll = min(max(0, helpScroll + step), max(0, HelpView.lines(self).count - BoardLayout(size: size).bodyHeight))
            }
            return []
        }
        if case .detail(let id) = screen {
            if mouse.action != .press { detailScroll = min(max(0, detailScroll + step), DetailView.maxScroll(self, id: id)) }
            return []
        }
        switch mouse.action {
        case .press:
            if let hit = BoardHitTest.card(atX: mouse.column, y: mouse.row, in: self) {
                focus = hit.status
                selectedRow = hit.row
                selection = columns[hit.status][hit.row].id
                message = nil
            } else if let status = BoardHitTest.column(atX: mouse.column, in: self), status != focus {
                focus = status
                selectedRow = 0
                selection = nil
                reconcileCursor()
            }
        case .wheelUp, .wheelDown:
            if let status = BoardHitTest.column(atX: mouse.column, in: self), status != focus {
                focus = status
                selectedRow = 0
                selection = nil
                reconcileCursor()
            }
            navigate(mouse.action == .wheelDown ? .down : .up)
        }
        return []
    }
}
