import EscalationKit
/// A run of text in one role: the unit views compose lines from.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

extension ScreenGrid {
    /// Writes spans one after the other from (row, column), stopping at `limit` columns.
    @discardableResult
    mutating func put(_ spans: [Span], row: Int, column: Int, limit: Int, selected: Bool = false) -> Int {
        var x = column
        for span in spans {
            let room = column + limit - x
            guard room > 0 else { break }
            x = put(span.text, row: row, column: x, limit: room, role: span.role, selected: selected)
        }
        return x
    }
}

/// Word wrapping by display width, for the detail view's paragraphs.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = DisplayWidth.of(word)
            if lineWidth > 0, lineWidth + 1 + w > width {
                out.append(line)
                line = ""
                lineWidth = 0
            }
            if w > width {
                // A word longer than the line is cut by columns, grapheme by grapheme.
                var chunk = ""
                var chunkWidth = 0
                for c in word {
                    let cw = DisplayWidth.of(c)
                    if chunkWidth + cw > width { out.append(chunk); chunk = ""; chunkWidth = 0 }
                    chunk.append(c)
                    chunkWidth += cw
                }
                line = chunk
                lineWidth = chunkWidth
                continue
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            line += word
            lineWidth += w
        }
        if !line.isEmpty || out.isEmpty { out.append(line) }
        return out
    }
}
