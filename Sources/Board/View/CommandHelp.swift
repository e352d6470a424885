/// The help screen's part about the command line's commands (its keys are in the key map).
enum CommandHelp {
    static func lines(_ state: BoardState) -> [[Span]] {
        var out: [[Span]] = [[], [Span("Commands", .columnTitle), Span("  (after :)", .dim)]]
        for entry in CommandCatalog.entries {
            out.append([Span(CellText.padded(entry.usage, columns: 34), .key), Span(entry.summary)])
        }
        out.append([Span(CellText.padded(":ACTION", columns: 34), .key), Span("any action above by name, e.g. :advance, :open")])
        return out
    }
}
