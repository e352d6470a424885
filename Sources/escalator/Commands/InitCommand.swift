import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import PostgresStore

/// Creates an empty store, private or shared with a group.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store.",
        discussion: "A private store is readable by you alone (0700/0600). With --shared --group NAME the directory is setgid and group-writable (0660 files), and every later write keeps those modes, so a team shares one store."
    )

    @Flag(help: "Make the store writable by a group.") var shared = false
    @Flag(help: "Upgrade an existing PostgreSQL store's schema to this Escalator's version (as the schema's owner).") var upgrade = false
    @Option(help: "The group that shares the store (with --shared).") var group: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            if shared && group == nil { throw Failure.usage("--shared needs --group NAME: the group whose members share the store.") }
            if group != nil && !shared { throw Failure.usage("--group goes with --shared.") }
            if upgrade {
                guard let name = try storeOptions.postgres(), !shared, group == nil else {
                    throw Failure.usage("--upgrade is for a PostgreSQL store (--store postgresql://...), alone; a store directory upgrades its files as it writes them.")
                }
                try upgradePostgres(name)
                return
            }
            if let name = try storeOptions.postgres() {
                guard !shared, group == nil else {
                    throw Failure.usage("--shared and --group are for a store directory; a PostgreSQL store is shared through its roles.")
                }
                try initPostgres(name)
                return
            }
            let directory = storeOptions.directory
            let policy = try Session.loadPolicy(for: directory)
            _ = try Store.create(at: directory, policy: policy, shared: shared, group: group)
            print("Created \(shared ? "a store shared with group \(group!)" : "a private store") at \(directory.path).")
        }
    }

    /// Runs the schema's missing upgrade steps, all or none, and says which.
    private func upgradePostgres(_ name: ConnectionName) throws {
        let done = try PostgresStore.upgrade(name)
        guard !done.steps.isEmpty else {
            print("The store in \(name) is already at schema version \(done.to); nothing was changed.")
            return
        }
        print("Upgraded the store in \(name) from schema version \(done.from) to \(done.to):")
        for line in done.steps { print("  \(line)") }
    }

    /// Creates the schema and the roles in an existing database, or says the store is there.
    private func initPostgres(_ name: ConnectionName) throws {
        let policy = try StoreOptions.postgresPolicy()
        guard let made = try PostgresStore.create(name, policy: policy) else {
            throw Failure.badInput("A store already exists in \(name); nothing was changed.")
        }
        print("Created a store in \(name):")
        for line in made.created { print("  \(line)") }
        print("Grant people a role, e.g. CREATE ROLE alice LOGIN IN ROLE escalator_writer.")
    }
}
