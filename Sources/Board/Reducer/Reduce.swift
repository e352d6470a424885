import Foundation
import EscalationKit

extension BoardState {
    /// Applies one action and returns the effects it asks for: the board's only way to change.
    /// Every commit asked for is pending from here until the store answers it.
    public mutating func handle(_ action: Action) -> [Effect] {
        let formWasSaving = sheets.form?.phase == .saving
        let undoBefore = undoMemory
        let effects = reduce(action)
        let fromForm = !formWasSaving && sheets.form?.phase == .saving
        if offline, effects.contains(where: \.isCommit) {
            refuseOffline(fromForm: fromForm, undoBefore: undoBefore)
            return effects.filter { !$0.isCommit }
        }
        for case .commit(let commands, let id) in effects {
            saving.sent(commands, on: id, fromForm: fromForm)
        }
        return effects
    }

    private mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key)
        case .resize(let size):
            self.size = size
            return []
        case .tick(let date):
            now = date
            changedAt = changedAt.filter { date.timeIntervalSince($0.value) < Self.changeMarkSeconds }
            expireWallboardNote()
            reconcileCursor()
            return []
        case .committed(let events):
            let sent = saving.answered()
            // The store will also report them; applying them now shows the result without waiting.
            for event in events where event.sequence == ledger.lastSequence + 1 {
                try? ledger.apply(event)
            }
            unsent = nil
            for event in events {
                rememberOwn(event)
                changedAt[event.escalation] = now
            }
            guard let first = events.first else { return [] }
            message = Message("\(first.escalation): \(events.map { ChangeText.summary($0.change, people: policy.people) }.joined(separator: "; "))"
                              + (events.compactMap { rosterWarning($0.change) }.first.map { " — " + $0 } ?? ""), isError: false)
            // An answer nobody is known to have sent (a test's) is the form's if the form is saving.
            if sent?.fromForm != false { sheetCommitted(first) }
            reconcileCursor()
            return []
        case .commitFailed(let text):
            // Nothing of the commit was written: the cards stay as they are.
            let sent = saving.answered()
            // A prompt's answer refused because someone changed the card since the question: say who, what, when.
            let asked = unsent.flatMap { sent?.fromForm == false && sent?.escalation == $0.target ? $0 : nil }
            message = Message(asked.map { explained(text, on: $0.target, changedAfter: $0.seenRevision) } ?? text, isError: true)
            if sent?.fromForm != false { sheetCommitFailed() }
            return []
        case .commitWaiting(let holder):
            saving.waiting(for: holder)
            return []
        case .storeChanged(let events, let reloaded, let newLedger):
            // Read before the board's own commit landed and delivered after it: never step back.
            guard reloaded || newLedger.lastSequence >= ledger.lastSequence else { return [] }
            var changed = Set(events.map(\.escalation))
            if reloaded {
                for (id, e) in newLedger.escalations where ledger[id]?.revision != e.revision { changed.insert(id) }
            }
            for id in changed { changedAt[id] = now }
            ledger = newLedger
            live = true
            if case .detail(let id) = screen, ledger[id] == nil {
                screen = .board
                message = Message("\(id) left the board (archived or removed).", isError: false)
            }
            if let prompt, ledger[prompt.target] == nil { self.prompt = nil }
            landOnSavedCard()
            reconcileCursor()
            return []
        case .chainNoticesRead(let notices):
            chainNotices = notices
            return []
        case .commitNote(let text):
            message = Message(text, isError: false)
            return []
        case .storeLost(let text):
            live = false
            message = Message(text, isError: true)
            return []
        case .connectionLost(let text):
            offline = true
            message = Message("Lost the connection to the store; reconnecting, and read-only until then (\(text))", isError: true)
            return []
        case .connectionRestored:
            guard offline else { return [] }
            offline = false
            live = true
            message = Message("Reconnected: the board is live again and shows every change made meanwhile.", isError: false)
            return []
        case .textEdited, .fileWritten, .archiveLoaded, .archiveFailed:
            return handleSheetResult(action)
        case .themeLoaded, .themeFailed:
            return themeAction(action)
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        if wallboard != nil { return wallboardKey(key) }
        if !BoardLayout(size: size).fits { return tooSmallKey(key) }
        if case .mouse(let mouse) = key { return sheets.current == nil ? handleMouse(mouse) : [] }
        if find.isTyping { return handleFindKey(key) }
        if commandLine.isOpen { return handleCommandLineKey(key) }
        if prompt != nil { return handlePromptKey(key) }
        if sheets.current != nil { return handleSheetKey(key) }
        if !showingHelp, screen == .board, find.isActive, let intent = keyMap.intent(for: key, in: .filtered) {
            message = nil
            return findIntent(intent)
        }
        let context: KeyMap.Context = showingHelp ? .help : (screen == .board ? .board : .detail)
        guard let intent = keyMap.intent(for: key, in: context) else {
            return []
        }
        message = nil
        switch intent {
        case .quit: return [.quit]
        case .command: return openCommandLine()
        case .undo: return undoLast()
        case .help:
            showingHelp.toggle()
            helpScroll = 0
            return []
        default: break
        }
        if showingHelp { scrollHelp(intent); return [] }
        switch screen {
        case .board: return boardIntent(intent)
        case .detail: return detailIntent(intent)
        }
    }

    private mutating func boardIntent(_ intent: Intent) -> [Effect] {
        switch intent {
        case .up, .down, .left, .right, .first, .last, .pageUp, .pageDown:
            navigate(intent)
            return []
        case .open:
            if let id = selection {
                screen = .detail(id)
                detailScroll = 0
            }
            return []
        case .back:
            return []
        case .newEscalation, .edit, .brief, .reports, .messages:
            return openSheet(intent)
        case .find, .sort:
            return findIntent(intent)
        default:
            return lifecycleIntent(intent)
        }
    }

    private mutating func detailIntent(_ intent: Intent) -> [Effect] {
        switch intent {
        case .back:
            screen = .board
            return []
        case .up: detailScroll = max(0, detailScroll - 1)
        case .down: detailScroll += 1
        case .pageUp: detailScroll = max(0, detailScroll - max(1, size.height - 5))
        case .pageDown: detailScroll += max(1, size.height - 5)
        case .first: detailScroll = 0
        case .last: detailScroll = Int.max / 2
        case .newEscalation, .edit, .brief, .reports, .messages: return openSheet(intent)
        default: return lifecycleIntent(intent)
        }
        if case .detail(let id) = screen { detailScroll = min(detailScroll, DetailView.maxScroll(self, id: id)) }
        return []
    }

    private mutating func scrollHelp(_ intent: Intent) {
        switch intent {
        case .back: showingHelp = false
        case .up: helpScroll = max(0, helpScroll - 1)
        case .down: helpScroll += 1
        case .pageUp: helpScroll = max(0, helpScroll - max(1, size.height - 5))
        case .pageDown: helpScroll += max(1, size.height - 5)
        case .first: helpScroll = 0
        case .last: helpScroll = Int.max / 2
        default: break
        }
        helpScroll = min(helpScroll, max(0, HelpView.lines(self).count - BoardLayout(size: size).bodyHeight))
    }

    /// While the terminal is too small nothing is shown, so no key may change anything: a typed
    /// letter never lands in a hidden field. Only quit works, and not over a form with unsaved text.
    private mutating func tooSmallKey(_ key: Key) -> [Effect] {
        guard keyMap.intent(for: key, in: .board) == .quit, !hasUnsavedForm else { return [] }
        return [.quit]
    }

    /// True while a form holds text that quitting would lose.
    var hasUnsavedForm: Bool {
        guard let form = sheets.form else { return false }
        if case .saving = form.phase { return true }
        return form.isDirty
    }
}
