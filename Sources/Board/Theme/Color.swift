/// A colour that knows how to degrade: a 256-colour index where available, else one of the 16
/// (a basic colour, maybe bright), else one of the 8 basic colours.
public struct Color: Hashable, Sendable {
    /// The eight colours every colour terminal has, in their ANSI order.
    public enum Basic: Int, Sendable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
    }

    public var basic: Basic
    public var bright: Bool
    public var index256: Int?

    public init(_ basic: Basic, bright: Bool = false, index256: Int? = nil) {
        self.basic = basic
        self.bright = bright
        self.index256 = index256
    }

    /// The terminal colour number at `depth`, or nil when the terminal shows no colour.
    public func number(at depth: ColorDepth) -> Int? {
        switch depth {
        case .none: nil
        case .eight: basic.rawValue
        case .sixteen: basic.rawValue + (bright ? 8 : 0)
        case .full: index256 ?? basic.rawValue + (bright ? 8 : 0)
        }
    }
}
