import Foundation
import EscalationKit

/// Everything that can happen to the board: keys, the terminal, the clock, and the results of the
/// effects it asked for. The reducer turns each into a new state and maybe more effects.
public enum Action: Sendable {
    case key(Key)
    /// The terminal now has this size.
    case resize(Size)
    /// The clock moved on: clocks, stalls and the header's time follow.
    case tick(Date)
    /// The oldest commit the board asked for was written: its events, in order (sequences assigned by the store).
    case committed([Event])
    /// The oldest commit was refused or failed, and nothing of it was written; the message is shown in the status line.
    case commitFailed(String)
    /// A commit was written, with a remark for the status line (its compaction was postponed).
    case commitNote(String)
    /// The oldest commit waits for the store's lock, held by the process this describes.
    case commitWaiting(holder: String)
    /// Another process changed the store: the new events, whether the ledger was reloaded whole
    /// (a snapshot or a repair), and the ledger as it is now.
    case storeChanged([Event], reloaded: Bool, ledger: Ledger)
    /// The store cannot be followed any more (the watcher failed); the board goes "not live".
    case storeLost(String)
    /// The chains' notifications as the outbox has them now, read again whenever the store changes.
    case chainNoticesRead([EscalationID: [ChainNotice]])
    /// The connection to the store was lost, for this reason: the board shows the last state,
    /// read-only, until `.connectionRestored`.
    case connectionLost(String)
    /// The connection is back and the changes made meanwhile have arrived (as `.storeChanged`).
    case connectionRestored
    /// `$EDITOR` came back (see `Effect.editText`): the edited text, or why it failed.
    case textEdited(TextEditOutcome)
    /// A file the board asked for was written (`error` nil) or not.
    case fileWritten(path: String, error: String?)
    /// The theme asked for with `Effect.loadTheme` was read: the board draws with it from now on.
    case themeLoaded(Theme)
    /// The theme could not be read (file and line in the message); the board keeps its theme.
    case themeFailed(String)
    /// The archive asked for with `Effect.loadArchive`: the archived escalations, for the reports.
    case archiveLoaded([Escalation])
    /// The archive could not be read; the reports say so.
    case archiveFailed(String)
}

/// What the board asks the world to do. The shell around the reducer performs it and feeds the
/// result back as an `Action`.
public enum Effect: Hashable, Sendable {
    /// Write `commands` about the escalation (nil for a creation) through the store's write protocol,
    /// all or none, off the board's thread and after the commits asked for before; answer with
    /// `.committed(events)` or `.commitFailed(message)`, and `.commitWaiting` while the lock is busy.
    case commit([Command], EscalationID?)
    /// Leave the board and restore the terminal.
    case quit
    /// Suspend the board, open `$EDITOR` on this text, restore the board; answer `.textEdited`.
    case editText(String)
    /// Put this text on the user's clipboard through the terminal (OSC 52); no answer.
    case copyToClipboard(String)
    /// Write `contents` to the file at `path`; answer `.fileWritten`.
    case writeFile(path: String, contents: String)
    /// Read the theme named (a name in the theme directories, or a file's path); answer with
    /// `.themeLoaded(theme)` or `.themeFailed(message)`.
    case loadTheme(String)
    /// Read the archived escalations, off the board's loop (the reports count them, as `metrics`
    /// and `report weekly` do); answer `.archiveLoaded(escalations)` or `.archiveFailed(message)`.
    case loadArchive
}
