import EscalationKit
import EscalationStore
import Foundation
import PostgresStore
import Configuration
import Invocation

/// The store `escalator board` runs on, a directory or a PostgreSQL database, with what the board
/// reads beside it: the routing rules, its keys and look, and where themes are looked up.
///
/// A PostgreSQL store has no directory: its configuration is `$ESCALATOR_CONFIG` or the defaults,
/// and its themes come from `$ESCALATOR_THEMES`, the user's `~/.config/escalator/themes` and the
/// built-in ones. Its accounts are the database's, as a directory's are its accounts file.
struct BoardStore {
    let store: any EscalationStoring
    let policy: Policy
    let context: Context
    /// The header's name for the store: a directory's last component, or the database and its
    /// server (never a password).
    let headerName: String
    /// The store's directory; nil for a database.
    let directory: URL?
    /// The store's outbox and hooks, run after the board's commits as after the command line's.
    let hooks: Hooks?

    static func open(_ options: StoreOptions) throws -> BoardStore {
        guard let name = try options.postgres() else {
            let session = try Session.open(options)
            let directory = try session.directoryStore(for: "The board").directory
            return BoardStore(store: session.store, policy: session.policy, context: session.context,
                              headerName: directory.lastPathComponent, directory: directory,
                              hooks: Hooks(policy: session.policy, store: session.store, quiet: true))
        }
        let context = try Context.fromEnvironment()
        let policy = try StoreOptions.postgresPolicy()
        let store = try PostgresStore.open(name, policy: policy, focus: nil)
        return BoardStore(store: store, policy: policy, context: context, headerName: Self.headerName(name), directory: nil,
                          hooks: Hooks(policy: policy, store: store, quiet: true))
    }

    /// `database@host` (`database@local` over a Unix socket), short enough for the header.
    static func headerName(_ name: ConnectionName) -> String {
        "\(name.database)@" + (name.isUnixSocket ? "local" : name.host) + (name.isUnixSocket || name.port == 5432 ? "" : ":\(name.port)")
    }

    /// The configuration file in force: `$ESCALATOR_CONFIG`, else a directory store's own file.
    private var configurationFile: URL? {
        let environment = ProcessInfo.processInfo.environment
        if let directory { return PolicyFile.locate(storeDirectory: directory, environment: environment) }
        guard let path = environment["ESCALATOR_CONFIG"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    /// The configuration's text, read only when trusted (see `PolicyFile.text`); nil without a file.
    private func configurationText() throws(ConfigurationError) -> (text: String, path: String)? {
        guard let url = configurationFile else { return nil }
        if let directory { return (try PolicyFile.text(of: url, storeDirectory: directory), url.path) }
        return (try PolicyFile.text(of: url, storeDirectory: url.deletingLastPathComponent(), inStore: false), url.path)
    }

    /// The configuration's `[board.keys]`.
    func keyBindings() throws(ConfigurationError) -> BoardKeyBindings {
        guard let file = try configurationText() else { return BoardKeyBindings(file: "") }
        return try BoardConfiguration.keyBindings(text: file.text, path: file.path)
    }

    /// The configuration's `[board]` look.
    func settings() -> Result<BoardSettings, ConfigurationError> {
        Result { () throws(ConfigurationError) -> BoardSettings in
            guard let file = try configurationText() else { return BoardSettings() }
            return try BoardSettings.parse(text: file.text, path: file.path)
        }
    }

    var themes: ThemeLoader { ThemeLoader(storeDirectory: directory) }

    /// Known accounts feed the form's completion; damaged ones must not keep the board closed.
    var accounts: [Account] { (try? store.accounts()) ?? [] }
}
