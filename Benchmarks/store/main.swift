import EscalationKit
import EscalationStore
import Foundation
import Invocation

// The store benchmark: `swift run -c release store-bench [--large]`. Prints medians; not a test.

let large = CommandLine.arguments.contains("--large")
let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("store-bench-\(getpid())")
defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: root) } }
let end = Date(timeIntervalSince1970: 1_773_133_200)
let clock = ContinuousClock()

func milliseconds(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func show(_ label: String, _ value: Double, _ unit: String = "ms") { print(label.padding(toLength: 48, withPad: " ", startingAt: 0) + String(format: "%9.2f %@", value, unit)) }

/// Builds a store of `total` escalations (`open` still open) through commitBatch, then compacts.
func build(total: Int, open: Int) throws -> URL {
    let dir = root.appendingPathComponent("s\(total)")
    let store = try Store.create(at: dir, policy: .standard)
    store.compactionThreshold = 64 << 20
    var history = SampleHistory(total: total, open: open, end: end)
    var batch: [Event] = []
    let started = clock.now
    for index in 0..<total {
        batch += history.events(for: index)
        if batch.count >= 20_000 { try store.commitBatch(batch); batch = [] }
    }
    try store.commitBatch(batch)
    try store.compact()
    show("generate \(total) escalations (\(store.ledger.lastSequence) events)", milliseconds(clock.now - started))
    return dir
}

/// Replaying the journal: a store whose events all sit in its journal (never compacted), opened again.
func measureJournalReplay(total: Int) throws {
    let dir = root.appendingPathComponent("journal\(total)")
    let store = try Store.create(at: dir, policy: .standard)
    store.compactionThreshold = Int.max
    var history = SampleHistory(total: total, open: total / 10, end: end)
    var batch: [Event] = []
    for index in 0..<total { batch += history.events(for: index) }
    try store.commitBatch(batch)
    var times: [Double] = []
    for _ in 0..<5 {
        let t = clock.now
        _ = try Store.open(at: dir, policy: .standard)
        times.append(milliseconds(clock.now - t))
    }
    show("replay \(batch.count) journal events, median", median(times))
    show("  per event", median(times) * 1000 / Double(batch.count), "µs")
}

/// The deadline calculation: every clock of every open escalation read at one moment, as `list` does.
func measureDeadlines(_ dir: URL) throws {
    let store = try Store.open(at: dir, policy: .standard)
    let open = store.ledger.escalations.values.filter(\.isOpen)
    let clocks = Clocks(policy: .standard)
    var times: [Double] = []
    var readings = 0
    for _ in 0..<7 {
        let t = clock.now
        readings = open.reduce(0) { $0 + clocks.read($1, at: end).count }
        times.append(milliseconds(clock.now - t))
    }
    show("all clocks of \(open.count) open, median", median(times))
    show("  per clock (\(readings) clocks)", median(times) * 1000 / Double(max(1, readings)), "µs")
}

func measureOpen(_ dir: URL, label: String) throws {
    var times: [Double] = []
    var count = 0
    for _ in 0..<7 {
        let t = clock.now
        let store = try Store.open(at: dir, policy: .standard)
        times.append(milliseconds(clock.now - t))
        count = store.ledger.escalations.count
    }
    show("open \(label) (\(count) in snapshot), median", median(times))
    let store = try Store.open(at: dir, policy: .standard)
    let t = clock.now
    let archived = try store.loadArchive()
    show("load archive \(label) (\(archived.count) escalations)", milliseconds(clock.now - t))
}

func measureCommit(_ dir: URL) throws {
    let store = try Store.open(at: dir, policy: .standard)
    let ids = store.ledger.escalations.values.filter(\.isOpen).map(\.id).sorted()
    var times: [Double] = []
    for i in 0..<200 {
        let context = Context(actor: "bench", now: end.addingTimeInterval(Double(i)))
        let t = clock.now
        try store.commit(.note("benchmark note \(i)"), on: ids[i % ids.count], context: context)
        times.append(milliseconds(clock.now - t))
    }
    show("commit one note (lock, catch-up, append, fdatasync), median", median(times))
    show("commit one note, 90th percentile", times.sorted()[times.count * 9 / 10])
}

func measureWatcher(_ dir: URL) throws {
    let writer = try Store.open(at: dir, policy: .standard)
    let reader = try Store.open(at: dir, policy: .standard)
    let seen = Seen()
    let watcher = try reader.watch { events, _ in
        if !events.isEmpty { seen.mark() }
    }
    defer { watcher.stop() }
    usleep(100_000)
    let id = writer.ledger.escalations.values.first(where: \.isOpen)!.id
    var times: [Double] = []
    for i in 0..<30 {
        seen.reset()
        let t = Date()
        try writer.commit(.note("watch \(i)"), on: id, context: Context(actor: "bench", now: end))
        while seen.time == nil && Date().timeIntervalSince(t) < 5 { usleep(200) }
        if let at = seen.time { times.append(at.timeIntervalSince(t) * 1000) }
        usleep(50_000)
    }
    show("watcher sees a commit (inotify + debounce), median", median(times))
}

final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var _time: Date?
    var time: Date? { lock.withLock { _time } }
    func mark() { lock.withLock { if _time == nil { _time = Date() } } }
    func reset() { lock.withLock { _time = nil } }
}

do {
    // `--store DIR`: measure opening an existing store (e.g. one `escalator demo` made) and loading its archive.
    if let flag = CommandLine.arguments.firstIndex(of: "--store"), flag + 1 < CommandLine.arguments.count {
        try measureOpen(URL(fileURLWithPath: CommandLine.arguments[flag + 1]), label: CommandLine.arguments[flag + 1])
        exit(0)
    }
    let small = try build(total: 10_000, open: 1_000)
    try measureOpen(small, label: "10k (1k open)")
    try measureDeadlines(small)
    try measureJournalReplay(total: 2_000)
    try measureCommit(small)
    try measureWatcher(small)
    if large {
        let big = try build(total: 100_000, open: 5_000)
        try measureOpen(big, label: "100k (5k open)")
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
