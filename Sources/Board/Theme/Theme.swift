/// How each role looks: a colour pair and attributes, plus the attributes that stand in for colour
/// when the terminal has none, so meaning never rests on colour alone.
public struct Theme: Hashable, Sendable {
    /// Text attributes a terminal can show without colour.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let reverse = Attributes(rawValue: 4)
        public static let underline = Attributes(rawValue: 8)
    }

    /// One role's look.
    public struct Appearance: Hashable, Sendable {
        public var foreground: Color?
        public var background: Color?
        public var attributes: Attributes
        /// Added when the terminal shows no colour.
        public var monochrome: Attributes

        public init(foreground: Color? = nil, background: Color? = nil, attributes: Attributes = [], monochrome: Attributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
            self.monochrome = monochrome
        }
    }

    /// What the terminal should draw for a role at a colour depth.
    public struct Resolved: Hashable, Sendable {
        public var foreground: Int?
        public var background: Int?
        public var attributes: Attributes
    }

    public var name: String
    public var roles: [Role: Appearance]
    /// Added to a selected cell's attributes.
    public var selection: Attributes

    public init(name: String, roles: [Role: Appearance], selection: Attributes = [.reverse]) {
        self.name = name
        self.roles = roles
        self.selection = selection
    }

    /// The look of `role` at `depth`, selected or not.
    public func resolved(_ role: Role, selected: Bool = false, depth: ColorDepth) -> Resolved {
        let look = roles[role] ?? Appearance()
        var attributes = look.attributes
        if depth == .none { attributes.formUnion(look.monochrome) }
        if selected { attributes.formUnion(selection) }
        return Resolved(foreground: look.foreground?.number(at: depth), background: look.background?.number(at: depth),
                        attributes: attributes)
    }

    /// The default dark-background theme.
    public static let standard = Theme(name: "default", roles: [
        .normal: Appearance(),
        .header: Appearance(foreground: Color(.cyan, bright: true, index256: 81), attributes: .bold),
        .columnTitle: Appearance(foreground: Color(.white, bright: true, index256: 255), attributes: .bold, monochrome: .underline),
        .critical: Appearance(foreground: Color(.red, bright: true, index256: 196), attributes: .bold, monochrome: .reverse),
        .high: Appearance(foreground: Color(.yellow, bright: true, index256: 214), attributes: .bold),
        .medium: Appearance(foreground: Color(.blue, bright: true, index256: 75)),
        .breached: Appearance(foreground: Color(.red, index256: 160), attributes: .bold, monochrome: .underline),
        .warning: Appearance(foreground: Color(.yellow, index256: 178), monochrome: .bold),
        .selected: Appearance(foreground: Color(.white, bright: true, index256: 231), attributes: .bold),
        .dim: Appearance(foreground: Color(.white, index256: 245), attributes: .dim),
        .changed: Appearance(foreground: Color(.green, bright: true, index256: 120), attributes: .bold, monochrome: .underline),
        .error: Appearance(foreground: Color(.red, bright: true, index256: 203), attributes: .bold),
        .key: Appearance(foreground: Color(.cyan, index256: 117), attributes: .bold),
        .prompt: Appearance(foreground: Color(.yellow, bright: true, index256: 228), attributes: .bold),
    ])
}
