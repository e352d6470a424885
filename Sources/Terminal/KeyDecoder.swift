import CNcurses
import Board

/// Turns ncurses' wide-character input into Board's keys.
enum KeyDecoder {
    /// What one read produced.
    enum Input {
        case key(Key)
        case resize
        /// Nothing (left) to read.
        case none
        /// A key the board has no use for.
        case ignored
    }

    static func read() -> Input {
        var code: wint_t = 0
        let result = wget_wch(cn_stdscr(), &code)
        if result == ERR { return .none }
        if result == cn_key_code_yes() { return function(Int32(code)) }
        if code == 27 { return escapeSequence() }
        return character(UInt32(code))
    }

    /// An Esc that ncurses did not match to a key: a sequence its terminfo entry lacks (TERM says
    /// xterm inside tmux, whose Home is `ESC [ 1 ~`), read on here; or a lone Esc. ncurses has
    /// already waited ESCDELAY for the rest, so what follows is read without waiting.
    static func escapeSequence() -> Input {
        var code: wint_t = 0
        let result = wget_wch(cn_stdscr(), &code)
        guard result != ERR else { return .key(.escape) }
        guard result != cn_key_code_yes(), code == 0x5B || code == 0x4F else {
            // Esc and then another key, typed fast: both count.
            if result == cn_key_code_yes() { _ = ungetch(Int32(code)) } else { _ = unget_wch(wchar_t(bitPattern: code)) }
            return .key(.escape)
        }
        var scalars: [UInt32] = [UInt32(code)]
        while scalars.count < 16 {
            guard wget_wch(cn_stdscr(), &code) != ERR else { return .ignored }
            scalars.append(UInt32(code))
            // A CSI ends with a byte from @ to ~; SS3 with the one byte after O.
            if scalars[0] == 0x4F || (0x40...0x7E).contains(UInt32(code)) { break }
        }
        return escape(scalars).map { .key($0) } ?? .ignored
    }

    /// The key that `ESC` followed by `rest` stands for in the common terminals (xterm, VT220,
    /// rxvt, the Linux console, tmux and screen), modifiers ignored; nil for anything else.
    static func escape(_ rest: [UInt32]) -> Key? {
        guard let introducer = rest.first, let final = rest.last, rest.count >= 2 else { return nil }
        let finals: [UInt32: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end]
        if introducer == 0x4F {
            // SS3: ESC O A … (application cursor keys), ESC O M is keypad Enter.
            return rest.count == 2 ? (final == 0x4D ? .enter : finals[final]) : nil
        }
        guard introducer == 0x5B else { return nil }
        let parameters = String(decoding: rest.dropFirst().dropLast().map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
        guard parameters.allSatisfy({ $0.isNumber || $0 == ";" }) else { return nil }
        if final == 0x5A { return .backTab }
        if let key = finals[final] { return key }
        guard final == 0x7E else { return nil }
        // ESC [ n ~, with ";modifier" after n in xterm.
        switch parameters.split(separator: ";").first.flatMap({ Int($0) }) {
        case 1, 7: return .home
        case 4, 8: return .end
        case 3: return .delete
        case 5: return .pageUp
        case 6: return .pageDown
        default: return nil
        }
    }

    static func function(_ code: Int32) -> Input {
        switch code {
        case cn_key_resize(): .resize
        case cn_key_up(): .key(.up)
        case cn_key_down(): .key(.down)
        case cn_key_left(): .key(.left)
        case cn_key_right(): .key(.right)
        case cn_key_home(): .key(.home)
        case cn_key_end(): .key(.end)
        case cn_key_npage(): .key(.pageDown)
        case cn_key_ppage(): .key(.pageUp)
        case cn_key_enter(): .key(.enter)
        case cn_key_backspace(): .key(.backspace)
        case cn_key_dc(): .key(.delete)
        case cn_key_btab(): .key(.backTab)
        case cn_key_mouse(): mouse()
        default: .ignored
        }
    }

    static func mouse() -> Input {
        var x: Int32 = 0, y: Int32 = 0, what: Int32 = 0
        guard cn_get_mouse(&x, &y, &what) == OK else { return .ignored }
        return mouse(what: Int(what), column: Int(x), row: Int(y))
    }

    /// Board's mouse key for what `cn_get_mouse` reported (1 press, 4 wheel up, 5 wheel down).
    static func mouse(what: Int, column: Int, row: Int) -> Input {
        switch what {
        case 1: .key(.mouse(Mouse(.press, column: column, row: row)))
        case 4: .key(.mouse(Mouse(.wheelUp, column: column, row: row)))
        case 5: .key(.mouse(Mouse(.wheelDown, column: column, row: row)))
        default: .ignored
        }
    }

    static func character(_ value: UInt32) -> Input {
        switch value {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }
}
