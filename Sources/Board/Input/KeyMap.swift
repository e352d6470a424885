/// The keys of each screen, as one table: the reducer looks keys up here, and the help screen and
/// the footer are generated from it, so what they say is what the keys do.
public struct KeyMap: Sendable {
    /// Where a binding applies; help lists the contexts in this order.
    public enum Context: String, Hashable, Sendable, CaseIterable {
        case board = "Board"
        /// On the board while a filter is active: these come before the board's own keys.
        case filtered = "While filtering"
        case detail = "Detail"
        case help = "Help"
        /// The `/` line: what is typed filters; these keys do the rest.
        case find = "Find line"
        /// The `:` line.
        case commandLine = "Command line"
        /// A question that takes a typed answer (an owner, a reason), and the brief's file name.
        case prompt = "Prompts"
        /// A yes/no question (close, discard a form).
        case confirm = "Yes/no questions"
        case form = "Form"
        /// The linter's findings shown before a form is saved.
        case review = "Form: before saving"
        case brief = "Brief"
        case reports = "Reports"
        case messages = "Messages"
    }

    /// The contexts where a character key is text, never a command (see `BoardState.lineIntent`).
    public static let typing: Set<Context> = [.find, .commandLine, .prompt, .form]

    /// One line of the table.
    public struct Binding: Hashable, Sendable {
        public var keys: [Key]
        /// How the keys are written in help, e.g. "j ↓".
        public var label: String
        public var asciiLabel: String
        public var intent: Intent
        /// What it does, in a few words.
        public var summary: String
        /// The footer's short form, its first key and a word ("a ack"), when the binding is worth a place there.
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

    /// The keys bound to `intent` in `context`.
    public func keys(for intent: Intent, in context: Context) -> [Key] {
        bindings.first { $0.intent == intent && $0.contexts.contains(context) }?.keys ?? []
    }

    public static let standard: KeyMap = {
        let everywhere: Set<Context> = [.board, .detail]
        let scrolling: Set<Context> = [.detail, .help, .brief, .reports, .messages]
        let sheets: Set<Context> = [.brief, .reports, .messages]
        let lines: Set<Context> = [.find, .commandLine, .prompt]
        func b(_ keys: [Key], _ label: String, _ ascii: String? = nil, _ intent: Intent, _ summary: String,
               footer: String? = nil, _ contexts: Set<Context>) -> Binding {
            Binding(keys: keys, label: label, asciiLabel: ascii ?? label, intent: intent, summary: summary, footer: footer, contexts: contexts)
        }
        return KeyMap(bindings: [
            b([.character("k"), .up], "k ↑", "k up", .up, "previous card / scroll up", [.board, .detail, .help, .brief, .reports, .messages]),
            b([.character("j"), .down], "j ↓", "j down", .down, "next card / scroll down", [.board, .detail, .help, .brief, .reports, .messages]),
            b([.character("h"), .left], "h ←", "h left", .left, "column to the left", [.board]),
            b([.character("l"), .right], "l →", "l right", .right, "column to the right", [.board]),
            b([.character("g"), .home], "g Home", nil, .first, "first card / top", [.board, .detail, .help, .brief, .reports, .messages]),
            b([.character("G"), .end], "G End", nil, .last, "last card / bottom", [.board, .detail, .help, .brief, .reports, .messages]),
            b([.pageDown, .character(" ")], "PgDn Space", nil, .pageDown, "page down", scrolling),
            b([.pageUp], "PgUp", nil, .pageUp, "page up", scrolling),
            b([.enter], "Enter", nil, .open, "open the detail view", footer: "⏎ open", [.board]),
            b([.escape, .backspace], "Esc", nil, .back, "back to the board", footer: "Esc back", [.detail, .help]),
            b([.escape, .backspace, .character("q")], "Esc q", nil, .back, "back to the board", footer: "Esc back", sheets),
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
            // Not n/N: n is always "new escalation", so a key never changes meaning under a filter.
            b([.character("]")], "]", nil, .nextMatch, "next match", footer: "] next", [.filtered]),
            b([.character("[")], "[", nil, .previousMatch, "previous match", footer: "[ prev", [.filtered]),
            b([.escape], "Esc", nil, .clearFilter, "clear the filter", footer: "Esc clear", [.filtered]),
            b([.character("?")], "?", nil, .help, "this help", footer: "? help", [.board, .detail, .help]),
            b([.character("q"), .control("c")], "q Ctrl-C", nil, .quit, "quit", footer: "q quit", [.board, .detail, .help]),
            b([.control("c")], "Ctrl-C", nil, .quit, "quit", sheets),
            b([.character("n")], "n", nil, .newEscalation, "new escalation (form with live scoring)", [.board]),
            b([.character("e")], "e", nil, .edit, "edit the escalation (form)", everywhere),
            // A sheet's own key closes it again.
            b([.character("b")], "b", nil, .brief, "the brief: copy (y) or write (w)", everywhere.union([.brief])),
            b([.character("R")], "R", nil, .reports, "reports: weekly summary and metrics", [.board, .reports]),
            b([.character("m")], "m", nil, .messages, "messages: every status message, whole", [.board, .detail, .messages]),

            // Lines that take text: what is not bound here is typed.
            b([.enter], "Enter", nil, .submit, "keep the filter and go back to the board", footer: "⏎ keep", [.find]),
            b([.enter], "Enter", nil, .submit, "run the command", footer: "⏎ run", [.commandLine]),
            b([.enter], "Enter", nil, .submit, "confirm the answer", footer: "⏎ confirm", [.prompt]),
            b([.escape, .control("c")], "Esc Ctrl-C", nil, .cancel, "clear the filter and close the line", footer: "Esc clear", [.find]),
            b([.escape, .control("c")], "Esc Ctrl-C", nil, .cancel, "cancel", footer: "Esc cancel", [.commandLine, .prompt]),
            b([.control("u")], "Ctrl-U", nil, .clearText, "clear what is typed", footer: "^U clear", [.commandLine, .prompt]),
            b([.control("u")], "Ctrl-U", nil, .clearText, "clear what is typed", [.find]),
            b([.backspace, .delete], "Bksp Del", nil, .erase, "erase the last character", lines),
            b([.control("o")], "Ctrl-O", nil, .toggleMine, "mine: owned or reported by you", footer: "^O mine", [.find]),
            b([.control("r")], "Ctrl-R", nil, .toggleCritical, "critical", footer: "^R critical", [.find]),
            b([.control("b")], "Ctrl-B", nil, .toggleBreaching, "breaching (breached or past the warning)", footer: "^B breaching", [.find]),
            b([.control("t")], "Ctrl-T", nil, .toggleStalled, "stalled", footer: "^T stalled", [.find]),
            b([.control("d")], "Ctrl-D", nil, .toggleDue, "update due", footer: "^D update due", [.find]),
            b([.up], "↑", "up", .up, "previous matching card", [.find]),
            b([.down], "↓", "down", .down, "next matching card", [.find]),
            b([.left], "←", "left", .left, "column to the left", [.find]),
            b([.right], "→", "right", .right, "column to the right", [.find]),
            b([.tab], "Tab", nil, .complete, "complete the word", footer: "Tab complete", [.commandLine]),
            b([.tab], "Tab", nil, .complete, "complete a person from the roster (owner prompts)", [.prompt]),
            b([.up], "↑", "up", .historyBack, "older command", footer: "↑ history", [.commandLine]),
            b([.down], "↓", "down", .historyForward, "newer command", [.commandLine]),

            b([.character("y"), .character("Y")], "y", nil, .yes, "yes", footer: "y yes", [.confirm]),
            b([.character("n"), .character("N"), .escape, .control("c")], "n Esc", nil, .no, "no", footer: "n no", [.confirm]),

            b([.tab, .down], "Tab ↓", "Tab down", .nextField, "next field (Tab takes the account offered)", footer: "Tab field", [.form]),
            b([.backTab, .up], "⇧Tab ↑", "S-Tab up", .previousField, "previous field", footer: "⇧Tab back", [.form]),
            b([.left], "←", "left", .left, "caret left / previous value of a choice or score", [.form]),
            b([.right], "→", "right", .right, "caret right / next value of a choice or score", [.form]),
            b([.home, .control("a")], "Home Ctrl-A", nil, .lineStart, "caret to the start", [.form]),
            b([.end], "End", nil, .lineEnd, "caret to the end", [.form]),
            b([.backspace], "Backspace", nil, .erase, "erase before the caret (a choice: clear it)", [.form]),
            b([.delete], "Del", nil, .eraseForward, "erase under the caret", [.form]),
            b([.control("u")], "Ctrl-U", nil, .clearText, "clear the field", [.form]),
            b([.control("e")], "Ctrl-E", nil, .externalEditor, "edit the field in $EDITOR", footer: "^E $EDITOR", [.form]),
            b([.enter], "Enter", nil, .save, "save (the brief is linted first)", footer: "⏎ save", [.form]),
            b([.escape, .control("c")], "Esc Ctrl-C", nil, .cancel, "cancel (asks when something was typed)", footer: "Esc cancel", [.form]),
            b([.enter, .character("s"), .character("S")], "Enter s", nil, .save, "save anyway", footer: "⏎ save anyway", [.review]),
            b([.escape, .backspace, .character("f"), .character("F"), .control("c")], "Esc f", nil, .fixFindings, "go back and fix",
              footer: "Esc go back and fix", [.review]),

            b([.character("y")], "y", nil, .copyBrief, "copy the brief (OSC 52, works over SSH)", footer: "y copy (OSC 52)", [.brief]),
            b([.character("w")], "w", nil, .writeBrief, "write the brief to a file", footer: "w write to a file", [.brief]),
            b([.tab, .right, .character("l")], "Tab → l", "Tab right l", .nextPage, "next page", footer: "Tab page", [.reports, .brief]),
            b([.backTab, .left, .character("h")], "⇧Tab ← h", "S-Tab left h", .previousPage, "previous page", [.reports, .brief]),
            b([.character("1")], "1", nil, .briefPage, "the brief", [.brief]),
            b([.character("2")], "2", nil, .customerDraft, "the customer update draft (no internal detail)", [.brief]),
            b([.character("3")], "3", nil, .teamDraft, "the team hand-off draft", [.brief]),
            b([.character("4")], "4", nil, .managementDraft, "the management summary draft", [.brief]),
            b([.character("5")], "5", nil, .executiveDraft, "the executive briefing draft", [.brief]),
            b([.character("1")], "1", nil, .weeklyPage, "the weekly summary", footer: "1 weekly", [.reports]),
            b([.character("2")], "2", nil, .tierPage, "metrics by tier", footer: "2 tier", [.reports]),
            b([.character("3")], "3", nil, .categoryPage, "metrics by category", footer: "3 category", [.reports]),
            b([.character("4")], "4", nil, .segmentPage, "metrics by segment", footer: "4 segment", [.reports]),
        ])
    }()
}
