extension BoardState {
    /// Keys in the message history (the key map's messages context): scroll, back.
    mutating func handleMessagesKey(_ key: Key, sheet: inout MessagesSheet) -> [Effect] {
        guard let intent = keyMap.intent(for: key, in: .messages) else { return [] }
        switch intent {
        case .quit: return [.quit]
        case .back, .messages: closeSheet()
        default:
            sheet.scroll = Self.scrolled(sheet.scroll, by: intent, page: max(1, BoardLayout(size: size).bodyHeight - 1))
            sheet.scroll = min(max(0, sheet.scroll), MessagesView.maxScroll(self))
        }
        return []
    }
}
