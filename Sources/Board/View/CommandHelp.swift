/// The help screen's part about the find line and the command line.
enum CommandHelp {
    static func lines(_ state: BoardState) -> [[Span]] {
        func line(_ key: String, _ text: String) -> [Span] { [Span(CellText.padded(key, columns: 12), .key), Span(text)] }
        var out: [[Span]] = [[], [Span("Find line", .columnTitle)]]
        out.append(line("text", "filter by id, account, title, owner as you type"))
        out.append(line("Ctrl-O", "mine (owner or reporter is \(state.actor))"))
        out.append(line("Ctrl-R", "critical"))
        out.append(line("Ctrl-B", "breaching (breached or past the warning)"))
        out.append(line("Ctrl-T", "stalled"))
        out.append(line("Ctrl-D", "update due"))
        out.append(line("owner:NAME", "only NAME's escalations (also is:critical …)"))
        out.append([])
        out.append([Span("Command line", .columnTitle), Span(state.unicode ? "  (Tab completes, ↑ ↓ history)" : "  (Tab completes, up/down history)", .dim)])
        for entry in CommandCatalog.entries {
            out.append([Span(CellText.padded(entry.usage, columns: 34), .key), Span(entry.summary)])
        }
        out.append(line(":ACTION", "any action above by name, e.g. :advance, :open"))
        return out
    }
}
