extension BoardState {
    /// The answer to `Effect.loadTheme`: the new look, or why the old one stays.
    mutating func themeAction(_ action: Action) -> [Effect] {
        switch action {
        case .themeLoaded(let theme):
            self.theme = theme
            message = Message("Theme \(theme.name).", isError: false)
        case .themeFailed(let text):
            message = Message(text + "; keeping theme \(theme.name)", isError: true)
        default: break
        }
        return []
    }
}
