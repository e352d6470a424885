/// What a key asks the board to do; the key map binds keys to intents, the reducer carries them out.
public enum Intent: Hashable, Sendable {
    case up, down, left, right, first, last, pageUp, pageDown
    case open, back
    case advance, moveBack
    case acknowledge, note, customerUpdate, assign, severity, tier, close
    /// Wait on someone (the resolve and stall clocks stop), or resume a waiting escalation.
    case wait
    case help, quit
    /// Forms and sheets: a new escalation, edit, the brief, the reports.
    case newEscalation, edit, brief, reports
    /// Find and sort (`/`, `n`/`N`, Esc, `S`), the command line (`:`) and undo (`z`).
    case find, nextMatch, previousMatch, clearFilter, sort, command, undo
}
