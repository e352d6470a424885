import EscalationKit
import EscalationStore
import Configuration
import Foundation
import PostgresStore

/// A store named on the command line without `--store`: `migrate --from` and `--to`.
enum StoreAddress: CustomStringConvertible {
    case directory(URL)
    case postgres(ConnectionName)

    init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard ConnectionName.isURI(text) else {
            self = .directory(StoreLocation.resolve(explicit: text, environment: [:]))
            return
        }
        do { self = .postgres(try ConnectionName.parse(text, environment: environment)) } catch {
            throw Failure.usage(error.description)
        }
    }

    var description: String {
        switch self {
        case .directory(let url): url.path
        case .postgres(let name): name.description
        }
    }
}

/// Everything a store holds, read whole: every event in order (each with the login its store
/// recorded), the accounts and the notification record. What `migrate` copies.
struct WholeStore {
    var events: [Event]
    var escalations: Int
    var accounts: [Account]
    /// The once-only notification keys.
    var notificationKeys: Set<String>

    /// Distinct accounts as both stores key them (name, ignoring case and surrounding spaces).
    var accountKeys: Int { Set(accounts.map { $0.name.trimmed.lowercased() }).count }

    static func read(_ address: StoreAddress) throws -> WholeStore {
        switch address {
        case .directory(let directory):
            let policy = try Session.loadPolicy(for: directory)
            let store: Store
            do throws(StoreError) { store = try Store.open(at: directory, policy: policy) } catch .notFound {
                throw Failure(.storeUnreadable, "There is no store at \(directory.path).")
            } catch {
                throw error
            }
            let escalations = Array(store.ledger.escalations.values) + (try store.loadArchive())
            // An escalation's history is its events: the n-th entry was decided against revision n.
            var events: [Event] = []
            for escalation in escalations {
                for (revision, entry) in escalation.history.enumerated() {
                    events.append(Event(sequence: entry.sequence, time: entry.time, actor: entry.actor, escalation: escalation.id,
                                        expectedRevision: revision, change: entry.change, login: entry.login))
                }
            }
            events.sort { $0.sequence < $1.sequence }
            guard events.count == store.ledger.lastSequence, events.last?.sequence ?? 0 == events.count else {
                throw Failure(.storeUnreadable, "The store at \(directory.path) has \(store.ledger.lastSequence) events but its escalations' histories hold \(events.count); run `escalator doctor --store \(directory.path)`. Nothing was copied.")
            }
            return WholeStore(events: events, escalations: escalations.count, accounts: try store.accounts(),
                              notificationKeys: try NotificationRecord(directory: directory).keys())
        case .postgres(let name):
            let store = try PostgresStore.open(name, policy: try StoreOptions.postgresPolicy(), focus: [])
            let dump = try store.dumpTrail()
            return WholeStore(events: dump.events, escalations: dump.escalations, accounts: dump.accounts,
                              notificationKeys: try store.notificationRecord.keys())
        }
    }

    /// How many events, escalations and accounts `address` holds now, to check a copy.
    static func counts(_ address: StoreAddress) throws -> LoadedTrail {
        switch address {
        case .directory(let directory):
            let store = try Store.open(at: directory, policy: try Session.loadPolicy(for: directory))
            return LoadedTrail(events: store.ledger.lastSequence, escalations: store.ledger.escalations.count + (try store.loadArchive()).count,
                               accounts: try store.accounts().count)
        case .postgres(let name):
            return try PostgresStore.open(name, policy: try StoreOptions.postgresPolicy(), focus: []).counts()
        }
    }
}
