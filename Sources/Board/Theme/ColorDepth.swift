/// How many colours the terminal shows, from 256 down to none (`NO_COLOR`, a monochrome terminal).
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    case none = 0
    case eight = 8
    case sixteen = 16
    case full = 256

    /// The depth for a terminal reporting `colors`, or none when `NO_COLOR` is set (any value, per no-color.org).
    public init(colors: Int, noColor: Bool) {
        if noColor || colors < 8 { self = .none }
        else if colors < 16 { self = .eight }
        else if colors < 256 { self = .sixteen }
        else { self = .full }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
