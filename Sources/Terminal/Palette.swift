import CNcurses
import Board

/// A theme bound to this terminal: one colour pair per role at the depth the terminal supports.
struct Palette {
    let depth: ColorDepth
    private var looks: [Role: (attr_t, Int16)] = [:]
    private var selectedLooks: [Role: (attr_t, Int16)] = [:]

    /// Sets up colours (when the terminal has them and NO_COLOR is not set) and the role pairs.
    init(theme: Theme, noColor: Bool) {
        var colors: Int32 = 0
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colors = cn_colors()
        }
        depth = ColorDepth(colors: Int(colors), noColor: noColor)
        for (index, role) in Role.allCases.enumerated() {
            let pair = Int16(index + 1)
            let plain = theme.resolved(role, depth: depth)
            if depth != .none, plain.foreground != nil || plain.background != nil {
                init_pair(pair, Int16(plain.foreground ?? -1), Int16(plain.background ?? -1))
                looks[role] = (Self.bits(plain.attributes), pair)
                selectedLooks[role] = (Self.bits(theme.resolved(role, selected: true, depth: depth).attributes), pair)
            } else {
                looks[role] = (Self.bits(plain.attributes), 0)
                selectedLooks[role] = (Self.bits(theme.resolved(role, selected: true, depth: depth).attributes), 0)
            }
        }
    }

    func look(_ role: Role, selected: Bool) -> (attr_t, Int16) {
        (selected ? selectedLooks[role] : looks[role]) ?? (cn_a_normal(), 0)
    }

    static func bits(_ attributes: Theme.Attributes) -> attr_t {
        var bits = cn_a_normal()
        if attributes.contains(.bold) { bits |= cn_a_bold() }
        if attributes.contains(.dim) { bits |= cn_a_dim() }
        if attributes.contains(.reverse) { bits |= cn_a_reverse() }
        if attributes.contains(.underline) { bits |= cn_a_underline() }
        return bits
    }
}
