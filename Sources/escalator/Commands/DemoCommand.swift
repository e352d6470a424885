import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation
import Configuration
import PostgresStore

/// Fills a new store with realistic sample escalations, for trying the board and for benchmarks.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a store full of realistic sample escalations.",
        discussion: "Accounts with ARR, segments and renewal dates; escalations across every category, severity, tier and status, each with a history. By default about a tenth are open and the rest closed over the past months (at most three years back, however many there are). The same --seed gives the same store."
    )

    @Option(help: "How many escalations.") var count = 200
    @Option(help: "About how many of them are not closed yet: open or resolved (default: a tenth).") var open: Int?
    @Option(help: "The random seed.") var seed: UInt64 = 42
    @OptionGroup var storeOptions: StoreOptions

    func check() throws {
        guard (1...1_000_000).contains(count) else { throw Failure.badInput("--count must be between 1 and 1000000.") }
        if let open, !(0...count).contains(open) { throw Failure.badInput("--open must be between 0 and --count.") }
    }

    func run() throws {
        try reporting {
            try check()
            if let name = try storeOptions.postgres() {
                try demoPostgres(name)
                return
            }
            let directory = storeOptions.directory
            let session = try Session.openOrCreate(storeOptions)
            let store = try session.directoryStore(for: "`escalator demo`")
            guard store.ledger.lastSequence == 0 else {
                throw Failure.badInput("The store at \(directory.path) is not empty; demo data goes only into a new store.")
            }
            // First, so a failure to write it leaves the store as it was.
            let roster = try writeRoster(in: directory)
            let generating = ProgressBar(total: count, label: "generating")
            let events = DemoData.events(count: count, open: open ?? max(1, count / 10), seed: seed, now: session.now,
                                         policy: session.policy, progress: generating.update)
            generating.finish()
            let writing = ProgressBar(total: events.count, label: "writing")
            // A bulk load folds into a fresh snapshot, so the next start-up reads state, not history.
            try store.commitBatch(events, compacting: true) { done in
                writing.update(done)
                if done == events.count { writing.finishing("compacting") }
            }
            writing.finish()
            Session.mentionPostponedCompaction(session.store)
            // The sample accounts go into the account book too, so the board's form completes them
            // and `new` fills in their ARR, as it would for a team's own imported accounts.
            var accounts: [String: Account] = [:]
            for event in events {
                if case .created(let draft) = event.change { accounts[draft.account.name] = draft.account }
            }
            try session.store.saveAccounts(accounts.values.sorted { $0.name < $1.name })
            let ledger = session.store.ledger
            let openNow = ledger.escalations.values.filter(\.isOpen).count
            let resolved = ledger.escalations.values.filter { $0.status == .resolved }.count
            print("Created \(count) sample escalations (\(openNow) open, \(resolved) resolved) in \(events.count) events at \(directory.path).")
            if let roster { print("The sample team's roster (logins, names, teams) is in \(roster.path).") }
        }
    }

    /// The demo data in a PostgreSQL store (its schema made first when the database has none), in one
    /// transaction of batched INSERTs; the roster stays out (a PostgreSQL store's configuration is
    /// `$ESCALATOR_CONFIG`, not a file in the store).
    private func demoPostgres(_ name: ConnectionName) throws {
        let policy = try StoreOptions.postgresPolicy()
        let context = try Context.fromEnvironment()
        let store = try PostgresStore.create(name, policy: policy)?.store ?? PostgresStore.open(name, policy: policy, focus: nil)
        guard try store.counts().events == 0 else {
            throw Failure.badInput("The store in \(name) is not empty; demo data goes only into a new store.")
        }
        let generating = ProgressBar(total: count, label: "generating")
        let events = DemoData.events(count: count, open: open ?? max(1, count / 10), seed: seed, now: context.now,
                                     policy: policy, progress: generating.update)
        generating.finish()
        var accounts: [String: Account] = [:]
        for event in events {
            if case .created(let draft) = event.change { accounts[draft.account.name] = draft.account }
        }
        let writing = ProgressBar(total: events.count, label: "writing")
        try store.load(trail: events, accounts: accounts.values.sorted { $0.name < $1.name }, keepingLogins: false, progress: writing.update)
        writing.finish()
        let ledger = store.ledger
        let openNow = ledger.escalations.values.filter(\.isOpen).count
        let resolved = ledger.escalations.values.filter { $0.status == .resolved }.count
        print("Created \(count) sample escalations (\(openNow) open, \(resolved) resolved) in \(events.count) events in \(name).")
    }

    /// The sample people as the store's configuration, so owners show by name and "mine" finds
    /// a login's escalations; a configuration already in the store is left alone (nil).
    private func writeRoster(in directory: URL) throws -> URL? {
        let url = directory.appendingPathComponent(PolicyFile.fileName)
        guard !FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text = RosterText.toml(DemoPeople.roster, teams: [DemoPeople.csmTeam], heading: """
            The demo store's team, written by `escalator demo`. Every other setting keeps its default
            (`escalator config` prints them all, with comments).
            """)
        do {
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw Failure(.storeUnreadable, "Could not write the sample roster to \(url.path): \(error.localizedDescription)")
        }
        return url
    }
}
