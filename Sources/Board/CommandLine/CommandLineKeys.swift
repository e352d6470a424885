import EscalationKit

extension BoardState {
    /// Opens the `:` line.
    mutating func openCommandLine() -> [Effect] {
        commandLine.isOpen = true
        commandLine.text = ""
        commandLine.candidates = []
        message = nil
        return []
    }

    /// The `:` line's keys (the key map's command-line context): typing, erasing (on an empty line
    /// it closes), clearing, the history, Tab completion, running and cancelling.
    mutating func handleCommandLineKey(_ key: Key) -> [Effect] {
        commandLine.candidates = []
        guard let intent = lineIntent(for: key, in: .commandLine) else {
            if case .character(let c) = key, !c.unicodeScalars.contains(where: SafeText.isControl) {
                commandLine.text.append(c)
                message = nil
            }
            return []
        }
        switch intent {
        case .cancel:
            commandLine.isOpen = false
            commandLine.record("")
            message = nil
        case .erase:
            if commandLine.text.isEmpty { commandLine.isOpen = false } else { commandLine.text.removeLast() }
        case .clearText: commandLine.text = ""
        case .historyBack: commandLine.browse(-1)
        case .historyForward: commandLine.browse(1)
        case .complete:
            let (text, candidates) = CommandCompletion.complete(commandLine.text, in: self)
            commandLine.text = text
            commandLine.candidates = candidates
        case .submit:
            return runCommandLine()
        default: break
        }
        return []
    }

    /// Runs the line: closes it on success; on a mistake keeps it open with the error beside it.
    private mutating func runCommandLine() -> [Effect] {
        let line = commandLine.text.trimmedSpaces
        commandLine.record(line)
        if line.isEmpty {
            commandLine.isOpen = false
            return []
        }
        let request: CommandLineRequest
        do {
            request = try CommandLineParser.parse(line, keyMap: keyMap)
        } catch {
            message = Message(error.message, isError: true)
            return []
        }
        commandLine.isOpen = false
        commandLine.text = ""
        message = nil
        switch request {
        case .commit(let typed):
            guard let e = target else {
                message = Message("No escalation selected.", isError: true)
                return []
            }
            guard let command = withRosterOwner(typed) else { return [] }
            return [.commit([command], e.id)]
        case .intent(let intent):
            return handle(intentFromCommandLine: intent)
        case .filter(let query):
            setFilter(query)
            let count = columns.readingOrder.count
            message = Message(find.isActive ? "Filter \(find.filter!.description): \(count) match\(count == 1 ? "" : "es")" : "Filter cleared.", isError: false)
            return []
        case .sort(let order):
            setSort(order ?? find.sort.next)
            return []
        case .theme(let name):
            message = Message("Theme \(name)…", isError: false)
            return [.loadTheme(name)]
        case .undo:
            return undoLast()
        case .help:
            showingHelp = true
            helpScroll = 0
            return []
        case .quit:
            return [.quit]
        }
    }

    /// Runs an action named on the `:` line as if its key were pressed on the current screen.
    private mutating func handle(intentFromCommandLine intent: Intent) -> [Effect] {
        let context: KeyMap.Context = showingHelp ? .help : (screen == .board ? .board : .detail)
        guard let key = keyMap.bindings.first(where: { $0.intent == intent && $0.contexts.contains(context) })?.keys.first
                ?? keyMap.bindings.first(where: { $0.intent == intent && $0.contexts.contains(.filtered) })?.keys.first else {
            message = Message(":\(intent.configurationName) does nothing here.", isError: true)
            return []
        }
        return handle(.key(key))
    }
}
