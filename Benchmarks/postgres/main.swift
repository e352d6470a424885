import EscalationKit
import EscalationStore
import Invocation
import Foundation
import PostgresStore

// The PostgreSQL store at scale (`Benchmarks/postgres/run`): fills an empty store with demo data
// through `PostgresStore.load(trail:)` (batched INSERTs, one transaction), then measures the open view (what
// `list --json` and the board's first frame read: open and recently closed escalations) and one
// committed transition (a focused open, as a command about one escalation does, plus the commit).

let arguments = CommandLine.arguments.dropFirst()
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.endIndex, let value = Int(arguments[index + 1]) else { return fallback }
    return value
}
guard let uri = arguments.first(where: { ConnectionName.isURI($0) }) ?? ProcessInfo.processInfo.environment["ESCALATOR_BENCH_PG"] else {
    print("usage: pg-bench postgresql://... [--count N] [--open N] [--repeat N]")
    exit(64)
}
let count = option("--count", 1_000_000), open = option("--open", 50_000), repeats = option("--repeat", 7)
let name = try ConnectionName.parse(uri)
let now = Date(timeIntervalSince1970: 1_773_133_200) // 2026-03-10T09:00:00Z

func milliseconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func text(_ ms: Double) -> String { String(format: "%.1f ms", ms) }

let store = try PostgresStore.create(name, policy: .standard)?.store ?? PostgresStore.open(name, policy: .standard, focus: [])
if try store.counts().events == 0 {
    var events: [Event] = []
    let generated = milliseconds { events = DemoData.events(count: count, open: open, seed: 42, now: now, policy: .standard) }
    print("generated \(count) escalations (\(events.count) events) in \(String(format: "%.1f", generated / 1000)) s")
    let loaded = try milliseconds { try store.load(trail: events, accounts: [], keepingLogins: false) }
    print("loaded them in one transaction in \(String(format: "%.1f", loaded / 1000)) s")
    events = []
}
let counts = try store.counts()
print("store: \(counts.escalations) escalations, \(counts.events) events")

var held = 0
var openTimes: [Double] = []
for _ in 0..<repeats {
    openTimes.append(try milliseconds { held = try PostgresStore.open(name, policy: .standard).ledger.escalations.count })
}
let ledger = try PostgresStore.open(name, policy: .standard).ledger
print("open view (\(held) escalations: \(ledger.escalations.values.filter(\.isOpen).count) open + recently closed): median \(text(median(openTimes))) of \(repeats)")

let targets = ledger.escalations.values.filter(\.isOpen).map(\.id).sorted().prefix(max(repeats * 3, 20))
var commitTimes: [Double] = [], wholeTimes: [Double] = []
for id in targets {
    var commit = 0.0
    let whole = try milliseconds {
        let focused = try PostgresStore.open(name, policy: .standard, focus: [id])
        commit = try milliseconds { try focused.commit(.note("benchmark"), on: id, context: Context(actor: "bench", now: now)) }
    }
    commitTimes.append(commit)
    wholeTimes.append(whole)
}
print("one commit (a note): median \(text(median(commitTimes))); with the focused open before it: median \(text(median(wholeTimes))) of \(targets.count)")
