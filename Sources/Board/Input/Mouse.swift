/// A mouse event the terminal reported, in screen cells (0-based, from the top left).
public struct Mouse: Hashable, Sendable {
    /// What the mouse did: only presses and the wheel matter to the board.
    public enum Action: Hashable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var action: Action
    public var column: Int
    public var row: Int

    public init(_ action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}
