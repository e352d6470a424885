import ArgumentParser
import Board
import EscalationKit
import EscalationStore
import Foundation
import Terminal
import Configuration

/// The full-screen board: six columns that follow the store live, driven by the keyboard.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Open the full-screen board (press ? inside for the keys).",
        discussion: """
        Changes made by anyone else — another board, the command line, a cron job — appear within a \
        fraction of a second. Every change you make goes through the store's write protocol, so a \
        conflicting change by someone else is reported, never overwritten. Needs a terminal of at least 60×16.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The colour theme: a name (default, light, high-contrast, solarized, monochrome, or one in <store>/themes or ~/.config/escalator/themes) or a theme file's path; overrides [board] theme.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .long, help: "A read-only wallboard for a shared screen: large counts, ARR at risk and what breaches or stalls first; only q quits.")
    var wallboard = false

    func run() throws {
        try reporting {
            let opened = try BoardStore.open(storeOptions)
            let store = opened.store
            // A fixed ESCALATOR_NOW freezes the board's clock too (for what-if views and tests).
            let fixedNow = ProcessInfo.processInfo.environment["ESCALATOR_NOW"].flatMap { $0.isEmpty ? nil : opened.context.now }
            let clock: @Sendable () -> Date = { fixedNow ?? Date() }
            let queue: ActionQueue
            do { queue = try ActionQueue() } catch { throw Failure(.storeUnreadable, "\(error)") }
            // Read again at every change: the detail lists who the chains told (the outbox, as `show` does;
            // a database's outbox is not wired to the board yet).
            let told = opened.hooks
            let follower = try store.followChanges(
                onChange: { events, reloaded in
                    queue.push(.storeChanged(events, reloaded: reloaded, ledger: store.ledger))
                    if let told { queue.push(.chainNoticesRead(ChainNoticeReader.read(told))) }
                },
                onError: { error in queue.push(.storeLost(error.description)) },
                onConnection: { connection in
                    switch connection {
                    case .lost(let error): queue.push(.connectionLost(error.description))
                    case .restored: queue.push(.connectionRestored)
                    }
                }
            )
            defer { follower.stop() }
            let themes = opened.themes
            let actor = opened.context.actor
            let keyMap = try Self.keyMap(bindings: { () throws(ConfigurationError) in try opened.keyBindings() })
            var initial = BoardState(ledger: store.ledger, policy: opened.policy, now: clock(),
                                     storeName: opened.headerName, keyMap: keyMap, accounts: opened.accounts, actor: actor)
            initial.chainNotices = told.map(ChainNoticeReader.read) ?? [:]
            BoardLook.prepare(&initial, themes: themes, option: theme, settings: opened.settings(), wallboard: wallboard)
            let committer = BoardCommitter(store: store, hooks: opened.hooks, people: opened.policy.people,
                                           actor: actor, clock: clock, actions: queue)
            let outcome: TerminalApp.Outcome
            do {
                outcome = try TerminalApp.run(initial: initial, externalActions: queue, clock: clock) { effect in
                    if case .writeFile(let path, let contents) = effect { return BriefFile.write(contents, to: path) }
                    if case .loadTheme(let name) = effect { return BoardLook.load(name, themes: themes) }
                    if case .loadArchive = effect { ArchiveLoader.start(store, answer: queue); return nil }
                    guard case .commit(let commands, let id) = effect else { return nil }
                    committer.commit(commands, on: id)
                    return nil
                }
            } catch {
                throw Failure(.usage, "\(error)")
            }
            // Quitting does not drop a change still waiting for the lock: it is written (or refused) now.
            committer.finish(unanswered: outcome.state.saving.pending.count)
            if let signal = outcome.signal { Foundation.exit(128 + signal) }
        }
    }

    /// The standard keys with the configuration's `[board.keys]` applied; a wrong action name or
    /// key is reported with its file and line, like every configuration mistake.
    static func keyMap(storeDirectory: URL) throws -> KeyMap {
        try keyMap(bindings: { () throws(ConfigurationError) in try BoardConfiguration.keyBindings(storeDirectory: storeDirectory) })
    }

    static func keyMap(bindings read: () throws(ConfigurationError) -> BoardKeyBindings) throws -> KeyMap {
        let bindings: BoardKeyBindings
        do {
            bindings = try read()
        } catch {
            throw Failure(.badInput, "The configuration is not valid; nothing was changed.\n\(error)")
        }
        do {
            return try KeyMap.standard.remapped(bindings.keys)
        } catch {
            let problems = error.problems.map { bindings.problem(action: $0.intent, $0.message) }
            throw Failure(.badInput, "The configuration is not valid; nothing was changed.\n\(ConfigurationError(problems: problems))")
        }
    }
}
