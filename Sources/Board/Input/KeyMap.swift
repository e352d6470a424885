/// The keys of each screen, as one table: the reducer looks keys up here, and the help screen and
/// the footer are generated from it, so what they say is what the keys do.
public struct KeyMap: Sendable {
    /// Where a binding applies.
    public enum Context: String, Hashable, Sendable, CaseIterable {
        case board = "Board"
        case detail = "Detail"
        case help = "Help"
        /// On the board while a filter is active: these come before the board's own keys.
        case filtered = "While filtering"
    }

    /// One line of the table.
    public struct Binding: Hashable, Sendable {
        public var keys: [Key]
        /// How the keys are written in help, e.g. "j ↓".
        public var label: String
        public var asciiLabel: String
        public var intent: Intent
        /// What it does, in a few words.
        public var summary: String
        /// The footer's short form, when the binding is worth a place there.
        public var footer: String?
        public var contexts: Set<Context>
    }

    public var bindings: [Binding]

    /// The intent bound to `key` in `context`, if any.
    public func intent(for key: Key, in context: Context) -> Intent? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.intent
    }

    /// The bindings that apply in `context`, in table order.
    public func bindings(in context: Context) -> [Binding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    public static let standard: KeyMap = {
        let everywhere: Set<Context> = [.board, .detail]
        func b(_ keys: [Key], _ label: String, _ ascii: String? = nil, _ intent: Intent, _ summary: String,
               footer: String? = nil, _ contexts: Set<Context>) -> Binding {
            Binding(keys: keys, label: label, asciiLabel: ascii ?? label, intent: intent, summary: summary, footer: footer, contexts: contexts)
        }
        return KeyMap(bindings: [
            b([.character("k"), .up], "k ↑", "k up", .up, "previous card / scroll up", [.board, .detail, .help]),
            b([.character("j"), .down], "j ↓", "j down", .down, "next card / scroll down", [.board, .detail, .help]),
            b([.character("h"), .left], "h ←", "h left", .left, "column to the left", [.board]),
            b([.character("l"), .right], "l →", "l right", .right, "column to the right", [.board]),
            b([.character("g"), .home], "g Home", nil, .first, "first card / top", [.board, .detail, .help]),
            b([.character("G"), .end], "G End", nil, .last, "last card / bottom", [.board, .detail, .help]),
            b([.pageDown, .character(" ")], "PgDn Space", nil, .pageDown, "page down", [.detail, .help]),
            b([.pageUp], "PgUp", nil, .pageUp, "page up", [.detail, .help]),
            b([.enter], "Enter", nil, .open, "open the detail view", footer: "⏎ open", [.board]),
            b([.escape, .backspace], "Esc", nil, .back, "back to the board", footer: "Esc back", [.detail, .help]),
            b([.character(">")], ">", nil, .advance, "move forward in the lifecycle", footer: "> next", everywhere),
            b([.character("<")], "<", nil, .moveBack, "move back (asks why)", footer: "< back", everywhere),
            b([.character("a")], "a", nil, .acknowledge, "acknowledge (asks the owner)", footer: "a ack", everywhere),
            b([.character("u")], "u", nil, .note, "log progress", footer: "u note", everywhere),
            b([.character("c")], "c", nil, .customerUpdate, "log a customer update", footer: "c cust", everywhere),
            b([.character("o")], "o", nil, .assign, "assign an owner", footer: "o owner", everywhere),
            b([.character("s")], "s", nil, .severity, "change severity (asks why)", footer: "s sev", everywhere),
            b([.character("t")], "t", nil, .tier, "change tier (asks why)", footer: "t tier", everywhere),
            b([.character("x")], "x", nil, .close, "close (asks to confirm)", footer: "x close", everywhere),
            b([.character("p")], "p", nil, .wait, "wait on customer/vendor/internal, or resume (asks why)", everywhere),
            b([.character("/")], "/", nil, .find, "find: filter the board as you type", footer: "/ find", [.board]),
            b([.character("S")], "S", nil, .sort, "sort columns: urgency, age, ARR", [.board]),
            b([.character(":")], ":", nil, .command, "command line (:help lists commands)", footer: ": cmd", everywhere),
            b([.character("z")], "z", nil, .undo, "undo your own last change", everywhere),
            b([.character("n")], "n", nil, .nextMatch, "next match", footer: "n next", [.filtered]),
            b([.character("N")], "N", nil, .previousMatch, "previous match", [.filtered]),
            b([.escape], "Esc", nil, .clearFilter, "clear the filter", footer: "Esc clear", [.filtered]),
            b([.character("?")], "?", nil, .help, "this help", footer: "? help", [.board, .detail, .help]),
            b([.character("q"), .control("c")], "q", nil, .quit, "quit", footer: "q quit", [.board, .detail, .help]),
            b([.character("n")], "n", nil, .newEscalation, "new escalation (form with live scoring)", [.board]),
            b([.character("e")], "e", nil, .edit, "edit the escalation (form)", everywhere),
            b([.character("b")], "b", nil, .brief, "the brief: copy (y) or write (w)", everywhere),
            b([.character("R")], "R", nil, .reports, "reports: weekly summary and metrics", [.board]),
        ])
    }()
}
