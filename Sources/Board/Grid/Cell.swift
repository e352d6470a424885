/// One character cell of the screen: a grapheme that is already safe to draw, its role, and
/// whether it belongs to the selection.
///
/// A wide grapheme (CJK, emoji) fills its own cell and marks the next one as its continuation,
/// so a row always has exactly as many cells as the terminal has columns.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for the right half of a wide grapheme.
    public var text: String
    public var role: Role
    public var selected: Bool

    public init(_ text: String = " ", role: Role = .normal, selected: Bool = false) {
        self.text = text
        self.role = role
        self.selected = selected
    }

    /// The right half of a wide grapheme: the terminal fills it when it draws the left half.
    public var isContinuation: Bool { text.isEmpty }

    public static let blank = Cell()
}
