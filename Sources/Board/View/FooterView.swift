/// The bottom line: the keys that work now, generated from the key map.
enum FooterView {
    static func draw(_ state: BoardState, into grid: inout ScreenGrid) {
        let row = grid.size.height - 1
        let context = state.keyContext
        let contexts: [KeyMap.Context] = context == .board && state.find.isActive ? [.filtered, .board] : [context]
        let spans = InputLineView.candidates(state) ?? state.keyMap.footer(in: contexts, unicode: state.unicode)
        grid.put(spans, row: row, column: 1, limit: grid.size.width - 1)
    }
}
