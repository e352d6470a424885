import Foundation
import EscalationKit

/// Everything the board shows and remembers: the ledger read from the store, the moment it is, and
/// where the user is. A value: the reducer changes it, the views read it.
public struct BoardState: Sendable {
    /// Which screen is showing.
    public enum Screen: Hashable, Sendable {
        case board
        case detail(EscalationID)
    }

    /// A line for the status bar: an outcome or a refusal.
    public struct Message: Hashable, Sendable {
        public var text: String
        public var isError: Bool
        public init(_ text: String, isError: Bool) {
            self.text = text
            self.isError = isError
        }
    }

    public var ledger: Ledger { didSet { ledgerStamp = LedgerStamp.next() } }
    public var now: Date
    public var policy: Policy
    /// The store's name for the header (its directory name, say).
    public var storeName: String
    /// True while store changes are followed.
    public var live: Bool
    /// True while the connection to the store is lost and being retried: the board is read-only,
    /// and every commit is refused, never queued.
    public var offline = false
    /// False when the locale cannot show UTF-8: the views fall back to ASCII.
    public var unicode: Bool
    public var size: Size
    public var keyMap: KeyMap

    public var screen: Screen = .board
    public var showingHelp = false
    public var helpScroll = 0
    public var detailScroll = 0
    /// The focused column.
    public var focus: Status = .routed
    /// The selected escalation; the cursor follows it when it moves column.
    public var selection: EscalationID?
    /// The selection's row in its column, to land nearby when the escalation disappears.
    public var selectedRow = 0
    public var prompt: Prompt?
    public var message: Message? {
        didSet { if let message, message != oldValue { messageLog.record(message, at: now) } }
    }
    /// Every message shown this session, for the history (`m`): the status line cuts, this keeps them whole.
    public internal(set) var messageLog = MessageLog()
    /// When each escalation last changed while the board watched; marked for `changeMarkSeconds`.
    public var changedAt: [EscalationID: Date] = [:]
    /// The last answer submitted from a prompt, kept until the store confirms it so a refusal loses nothing.
    public var unsent: Prompt?
    /// The commits on their way to the store, which the status line reports.
    public var saving = Saving()
    /// The accounts the team knows, for the form's completion and value suggestion.
    public var accounts: [Account]
    /// The form, brief or reports shown over the board, and where the cursor lands after a save.
    public var sheets = Sheets()

    /// Who is using the board (the store's actor): the `mine` filter and undo are about them.
    public var actor: String
    /// The filter and sort order, and the find line.
    public var find = FindState()
    /// The `:` command line with its history.
    public var commandLine = CommandLineState()
    /// The user's own recent changes, for `z`.
    public var undoMemory = UndoMemory()

    /// What the escalation chains told about each escalation, oldest first (from the outbox, read by the owner).
    public var chainNotices: [EscalationID: [ChainNotice]] = [:]

    /// The colours and attributes of every role; `.themeLoaded` replaces it while the board runs.
    public var theme: Theme = .standard
    /// Set when the board runs as a read-only wallboard (`escalator board --wallboard`).
    public var wallboard: Wallboard?
    /// Identifies this version of `ledger` for the derived-facts cache.
    var ledgerStamp = LedgerStamp.next()
    /// Clocks and aggregates worked out once and reused until the ledger changes or a deadline passes.
    let derived = DerivedCache()

    /// How long a changed card stays marked.
    public static let changeMarkSeconds: TimeInterval = 3

    public init(ledger: Ledger, policy: Policy, now: Date, storeName: String, size: Size = Size(width: 80, height: 24),
                unicode: Bool = true, live: Bool = true, keyMap: KeyMap = .standard, accounts: [Account] = [],
                actor: String = "board") {
        self.ledger = ledger
        self.policy = policy
        self.now = now
        self.storeName = storeName
        self.size = size
        self.unicode = unicode
        self.live = live
        self.keyMap = keyMap
        self.accounts = accounts
        self.actor = actor
        reconcileCursor()
    }

    /// The six columns as the user sees them now (Stalled read from the clock).
    public var columns: BoardColumns {
        facts.columns.arranged(by: find, actor: actor, policy: policy, now: now)
    }

    /// The board's aggregates now (columns, totals, what breaks first), from the cache when still valid.
    public var facts: BoardFacts { derived.facts(ledger: ledger, stamp: ledgerStamp, policy: policy, now: now) }

    /// The escalation the keys act on: the detail view's, else the selected card's.
    public var target: Escalation? {
        switch screen {
        case .detail(let id): ledger[id]
        case .board: selection.flatMap { ledger[$0] }
        }
    }

    /// Keeps the cursor on the selected escalation wherever it moved, or on a neighbour when it left the board.
    mutating func reconcileCursor() {
        let columns = self.columns
        if let id = selection, let place = columns.place(of: id) {
            focus = place.status
            selectedRow = place.row
            return
        }
        let cards = columns[focus]
        if cards.isEmpty {
            selection = nil
            selectedRow = 0
        } else {
            selectedRow = min(max(0, selectedRow), cards.count - 1)
            selection = cards[selectedRow].id
        }
    }
}
