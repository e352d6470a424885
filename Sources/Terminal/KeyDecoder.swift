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
        return character(UInt32(code))
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
