/// The themes shipped in `Themes/`, compiled in so an installed program (or one copied to another
/// host) has them without any file beside it. A test keeps each text equal to its file in `Themes/`;
/// `make install` also copies those files to `share/escalator/themes` for people to copy and edit.
public enum BuiltInThemes {
    /// The theme names, in the order the help lists them.
    public static let names = ["default", "light", "high-contrast", "solarized", "monochrome"]

    /// The text of the built-in theme `name`, or nil.
    public static func text(named name: String) -> String? {
        switch name {
        case "default": defaultText
        case "light": lightText
        case "high-contrast": highContrastText
        case "solarized": solarizedText
        case "monochrome": monochromeText
        default: nil
        }
    }

    static let defaultText = ##"""
# Escalator theme: default (dark background).
#
# One role a line:   role = "FOREGROUND [on BACKGROUND], attribute, ..."
#   colours     black red green yellow blue magenta cyan white, bright-<name>,
#               0-255 (the 256-colour palette), #rrggbb, or default (the terminal's own)
#   fallback    196/bright-red: what a 16- or 8-colour terminal shows instead of 196
#               (without one, the nearest of the 16 is used; 8 colours drop "bright-")
#   attributes  bold dim reverse underline
#   mono:ATTR   added only when the terminal shows no colour (NO_COLOR, a monochrome
#               terminal), so what colour says is still said
# Roles left out keep the default look. Copy this file to make your own:
#   escalator board --theme ./mine.toml     or   [board] theme = "mine" in escalator.toml

name = "default"

normal      = "default"
header      = "81/bright-cyan, bold"
columnTitle = "255/bright-white, bold, mono:underline"
critical    = "196/bright-red, bold, mono:reverse"
high        = "214/bright-yellow, bold"
medium      = "75/bright-blue"
breached    = "160/red, bold, mono:underline"
warning     = "178/yellow, mono:bold"
selected    = "231/bright-white, bold"
dim         = "245/white, dim"
changed     = "120/bright-green, bold, mono:underline"
error       = "203/bright-red, bold"
key         = "117/cyan, bold"
prompt      = "228/bright-yellow, bold"

# Added to the selected card and the focused column title.
selection = "reverse"

"""##

    static let lightText = ##"""
# Escalator theme: light, for dark text on a white or pale terminal background.
# The format is explained in default.toml.

name = "light"

normal      = "default"
header      = "white on 25/blue, bold"
columnTitle = "16/black, bold, mono:underline"
critical    = "160/red, bold, mono:reverse"
high        = "130/yellow, bold"
medium      = "25/blue"
breached    = "124/red, bold, underline"
warning     = "136/yellow, bold"
selected    = "16/black, bold"
dim         = "244/black, dim"
changed     = "28/green, bold, mono:underline"
error       = "160/red, bold"
key         = "25/blue, bold"
prompt      = "90/magenta, bold"

selection = "reverse"

"""##

    static let highContrastText = ##"""
# Escalator theme: high contrast. Pure colours, bold everywhere that matters, and
# underlines that carry meaning even where colour cannot be told apart.
# The format is explained in default.toml.

name = "high-contrast"

normal      = "bright-white"
header      = "black on bright-white, bold"
columnTitle = "bright-white, bold, underline"
critical    = "bright-white on red, bold"
high        = "black on bright-yellow, bold"
medium      = "bright-cyan, bold"
breached    = "bright-red, bold, underline"
warning     = "bright-yellow, bold, underline"
selected    = "bright-white, bold"
dim         = "white"
changed     = "bright-green, bold, underline"
error       = "bright-white on red, bold"
key         = "bright-yellow, bold"
prompt      = "bright-white, bold, underline"

selection = "reverse, bold"

"""##

    static let solarizedText = ##"""
# Escalator theme: solarized (dark), after Ethan Schoonover's palette.
# 256-colour approximations of the solarized hues, each with its 16-colour fallback.
# The format is explained in default.toml.

name = "solarized"

normal      = "#93a1a1/white"              # base1
header      = "#268bd2/blue on #073642/black, bold"   # blue on base02
columnTitle = "#eee8d5/bright-white, bold, mono:underline"
critical    = "#dc322f/bright-red, bold, mono:reverse"
high        = "#cb4b16/yellow, bold"       # orange
medium      = "#268bd2/blue"
breached    = "#dc322f/red, bold, mono:underline"
warning     = "#b58900/yellow, mono:bold"
selected    = "#fdf6e3/bright-white, bold"
dim         = "#586e75/white, dim"         # base01
changed     = "#859900/green, bold, mono:underline"
error       = "#d33682/magenta, bold"
key         = "#2aa198/cyan, bold"
prompt      = "#b58900/bright-yellow, bold"

selection = "reverse"

"""##

    static let monochromeText = ##"""
# Escalator theme: monochrome. No colour at all, on any terminal: bold, dim, underline
# and reverse carry the meaning, as they do under NO_COLOR.
# The format is explained in default.toml.

name = "monochrome"

normal      = "default"
header      = "reverse, bold"
columnTitle = "bold, underline"
critical    = "reverse, bold"
high        = "bold"
medium      = "default"
breached    = "bold, underline"
warning     = "underline"
selected    = "bold"
dim         = "dim"
changed     = "bold, underline"
error       = "reverse, bold"
key         = "bold"
prompt      = "bold"

selection = "reverse"

"""##
}
