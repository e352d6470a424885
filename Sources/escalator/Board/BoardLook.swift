import Board
import EscalationStore
import Foundation
import Configuration

/// How `escalator board` chooses its look: the wallboard flag and the theme from `--theme`, else
/// the configuration's `[board] theme`, else the default. A theme that cannot be read never stops
/// the board: it opens with the default theme and says why in the status line.
enum BoardLook {
    static func prepare(_ state: inout BoardState, themes: ThemeLoader, option: String?,
                        settings: Result<BoardSettings, ConfigurationError>, wallboard: Bool) {
        if wallboard { state.wallboard = Wallboard() }
        var name = option
        if name == nil {
            do {
                name = try settings.get().theme
            } catch {
                state.message = .init("\(error); using the default theme", isError: true)
            }
        }
        guard let name else { return }
        do {
            state.theme = try themes.load(name)
        } catch {
            state.theme = .standard
            state.message = .init("Theme \(error); using the default theme", isError: true)
        }
    }

    /// The answer to `Effect.loadTheme`.
    static func load(_ name: String, themes: ThemeLoader) -> Action {
        do {
            return .themeLoaded(try themes.load(name))
        } catch {
            return .themeFailed("Theme \(error)")
        }
    }
}
