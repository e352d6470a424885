/// What a key asks the board to do; the key map binds keys to intents, the reducer carries them out.
/// Every key of every screen, line and sheet is one of these, so all of them can be remapped.
public enum Intent: Hashable, Sendable {
    case up, down, left, right, first, last, pageUp, pageDown
    case open, back
    case advance, moveBack
    case acknowledge, note, customerUpdate, assign, severity, tier, close
    /// Wait on someone (the resolve and stall clocks stop), or resume a waiting escalation.
    case wait
    case help, quit
    /// Forms and sheets: a new escalation, edit, the brief, the reports, the message history.
    case newEscalation, edit, brief, reports, messages
    /// Find and sort (`/`, `]`/`[`, Esc, `S`), the command line (`:`) and undo (`z`).
    case find, nextMatch, previousMatch, clearFilter, sort, command, undo
    /// Lines that take text (prompts, the find line, the command line, the form): Enter, Esc,
    /// Ctrl-U, Backspace and Delete.
    case submit, cancel, clearText, erase, eraseForward
    /// The find line's quick filters.
    case toggleMine, toggleCritical, toggleBreaching, toggleStalled, toggleDue
    /// The command line: Tab completion and the history.
    case complete, historyBack, historyForward
    /// A yes/no question.
    case yes, no
    /// The form: fields, the caret, `$EDITOR`, saving, and the lint review before a save.
    case nextField, previousField, lineStart, lineEnd, externalEditor, save, fixFindings
    /// The brief: copy through the terminal, write to a file.
    case copyBrief, writeBrief
    /// The brief view's pages: the brief, then each draft a person sends.
    case briefPage, customerDraft, teamDraft, managementDraft, executiveDraft
    /// The reports' pages.
    case nextPage, previousPage, weeklyPage, tierPage, categoryPage, segmentPage
}
