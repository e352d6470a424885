#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The store's guarantees, the same test bodies on both backends, from real processes.
@Suite struct StoreContractTests {
    @Test(arguments: Backend.allCases)
    func concurrentWriterProcessesLoseAndDoubleNothing(_ backend: Backend) throws {
        if let why = backend.unavailable { return print("skipped on \(backend): \(why)") }
        var store = try BackendStore(backend)
        defer { store.remove() }
        store.cli.extraEnvironment["ESCALATOR_LOCK_TIMEOUT"] = "60"
        let id = try store.cli.new(["--severity", "high"])
        let writers = 8, each = 4
        let failed = Failures()
        let cli = store.cli
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for i in 0..<each {
                let result = try? cli.run("update", id, "--note", "writer \(w) note \(i)", as: "w\(w)")
                if result?.code != 0 { failed.add("writer \(w) note \(i): \(result?.err ?? "did not run")") }
            }
        }
        #expect(failed.all.isEmpty, "\(failed.all)")
        let show = try store.cli.json("show", id, "--json") as! [String: Any]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: show), as: UTF8.self)
        for w in 0..<writers {
            for i in 0..<each {
                let note = "writer \(w) note \(i)"
                #expect(text.components(separatedBy: note + "\"").count == 2, "\(note) is in the history exactly once")
            }
        }
        let sequences = (show["history"] as! [[String: Any]]).compactMap { $0["sequence"] as? Int }
        #expect(Set(sequences).count == sequences.count, "no sequence number twice")
    }

    @Test(arguments: Backend.allCases)
    func escalatorUserSetsTheShownActorNeverTheLogin(_ backend: Backend) throws {
        if let why = backend.unavailable { return print("skipped on \(backend): \(why)") }
        let store = try BackendStore(backend)
        defer { store.remove() }
        let made = try store.cli.run("new", "--account", "Acme Corp", "--title", "Pretending", "--category", "security",
                                      "--severity", "high", as: "mallory")
        #expect(made.code == 0, "\(made.err)")
        let id = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let show = try store.cli.json("show", id, "--json") as! [String: Any]
        let first = (show["history"] as! [[String: Any]])[0]
        #expect(first["actor"] as? String == "mallory")
        #expect(first["login"] as? String == PostgresCluster.osLogin, "the login is the real one: \(first)")
        if backend == .postgresql {
            let recorded = PostgresCluster.psql(in: store.name, "SELECT login FROM escalator.events ORDER BY sequence LIMIT 1")
            #expect(recorded == PostgresCluster.osLogin, "the server recorded its session user, not ESCALATOR_USER")
        }
    }

    @Test(arguments: Backend.allCases)
    func archivedEscalationsStayAtHand(_ backend: Backend) throws {
        if let why = backend.unavailable { return print("skipped on \(backend): \(why)") }
        var store = try BackendStore(backend)
        defer { store.remove() }
        // The directory store archives when it compacts: every write compacts here.
        store.cli.extraEnvironment["ESCALATOR_COMPACTION_THRESHOLD"] = "1"
        let old = try store.cli.new(["--severity", "medium"], title: "Old one", at: "2026-01-05T09:00:00Z")
        #expect(try store.cli.run("ack", old, "--owner", "Mike", at: "2026-01-05T09:30:00Z").code == 0)
        #expect(try store.cli.run("start", old, at: "2026-01-05T09:40:00Z").code == 0)
        #expect(try store.cli.run("resolve", old, "--resolution", "Fixed", at: "2026-01-05T10:00:00Z").code == 0)
        #expect(try store.cli.run("close", old, at: "2026-01-05T11:00:00Z").code == 0)
        let current = try store.cli.new(["--severity", "high"], title: "New one", at: "2026-04-20T09:00:00Z")
        let open = try store.cli.json("list", "--json", at: "2026-04-20T09:05:00Z") as! [[String: Any]]
        #expect(open.map { $0["id"] as? String } == [current])
        let all = try store.cli.json("list", "--all", "--json", at: "2026-04-20T09:05:00Z") as! [[String: Any]]
        #expect(Set(all.compactMap { $0["id"] as? String }) == [old, current])
        let shown = try store.cli.json("show", old, "--json", at: "2026-04-20T09:05:00Z") as! [String: Any]
        #expect(shown["status"] as? String == "closed")
        let refused = try store.cli.run("ack", old, "--owner", "Mike", at: "2026-04-20T09:06:00Z")
        #expect(refused.code == 65)
        #expect(refused.err.contains("closed and archived"), "\(refused.err)")
    }
}

/// What the concurrent writers report, from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
