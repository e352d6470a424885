import EscalationKit

extension BoardState {
    /// The intent of `key` where text is typed (the find and command lines, prompts, the form): a
    /// printable character is always text there, never a command, whatever the key map binds.
    func lineIntent(for key: Key, in context: KeyMap.Context) -> Intent? {
        if case .character(let c) = key, !c.unicodeScalars.contains(where: SafeText.isControl) { return nil }
        return keyMap.intent(for: key, in: context)
    }

    /// The first key bound to `intent` in `context`, as the footer writes it ("]", "Esc", "^U").
    func keyLabel(_ intent: Intent, in context: KeyMap.Context) -> String {
        keyMap.keys(for: intent, in: context).first.map { KeyName.short($0, unicode: unicode) } ?? "(unbound)"
    }

    /// " (y/n)" after a yes/no question, with the keys in force.
    var yesNo: String { " (\(keyLabel(.yes, in: .confirm))/\(keyLabel(.no, in: .confirm)))" }

    /// The key-map context of what takes the keys now, for the footer and help.
    var keyContext: KeyMap.Context {
        if find.isTyping { return .find }
        if commandLine.isOpen { return .commandLine }
        if let prompt { return prompt.isConfirmation ? .confirm : .prompt }
        switch sheets.current {
        case .form(let form)?:
            switch form.phase {
            case .review: return .review
            case .confirmDiscard: return .confirm
            case .editing, .saving: return .form
            }
        case .brief(let brief)?: return brief.path == nil ? .brief : .prompt
        case .reports?: return .reports
        case .messages?: return .messages
        case nil: break
        }
        if showingHelp { return .help }
        return screen == .board ? .board : .detail
    }
}

extension KeyMap {
    /// The footer for `context`: each binding that has a footer word, its first key before it.
    /// Help and quit come first, so a narrow terminal cuts the rest and never these.
    func footer(in context: KeyMap.Context, unicode: Bool) -> [Span] { footer(in: [context], unicode: unicode) }

    /// The footer for keys that several contexts share, the first one's before the others' (the
    /// filter's keys before the board's).
    func footer(in contexts: [KeyMap.Context], unicode: Bool) -> [Span] {
        let context = contexts.last ?? .board
        var list: [Span] = []
        let scrolls: Set<KeyMap.Context> = [.detail, .help, .brief, .reports, .messages]
        let moves: [Intent] = context == .board ? [.left, .down, .up, .right] : (scrolls.contains(context) ? [.down, .up] : [])
        if !moves.isEmpty {
            // "hjkl←↓↑→ move": the letters, then the other keys, of every move, from the table.
            let keys = moves.flatMap { self.keys(for: $0, in: context) }
            let letters = keys.compactMap { if case .character(let c) = $0 { String(c) } else { nil } }.joined()
            let others = unicode ? keys.filter { if case .character = $0 { false } else { true } }.map { KeyName.short($0, unicode: true) }.joined() : ""
            list += [Span(letters + others, .key), Span(context == .board ? " move  " : " scroll  ")]
        }
        let bindings = contexts.flatMap { self.bindings(in: $0) }
        let first = bindings.filter { $0.intent == .help || $0.intent == .quit }
        for binding in first + bindings.filter({ $0.intent != .help && $0.intent != .quit }) {
            guard let footer = binding.footer, let key = binding.keys.first else { continue }
            let word = footer.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            list.append(Span(KeyName.short(key, unicode: unicode), .key))
            list.append(Span(" " + word + "  "))
        }
        return list
    }
}
