import Board
import EscalationKit
import Foundation

// The board benchmark: `swift run -c release board-bench [--quick]`. In-process, no terminal:
// builds a BoardState from DemoData and times the reducer plus the pure render, which is what a
// key press costs before ncurses sends the changed cells. Prints medians and p99; not a test.

let quick = CommandLine.arguments.contains("--quick")
let now = Date(timeIntervalSince1970: 1_773_133_200)
let clock = ContinuousClock()
let size = Size(width: 200, height: 60)

func milliseconds(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}
func show(_ label: String, _ values: [Double]) {
    let line = label.padding(toLength: 46, withPad: " ", startingAt: 0)
    print(line + String(format: "median %8.3f ms   p99 %8.3f ms   (n=%d)", percentile(values, 0.5), percentile(values, 0.99), values.count))
}
func timed(_ body: () -> Void) -> Double {
    let start = clock.now
    body()
    return milliseconds(clock.now - start)
}

func scenario(count: Int, open: Int) {
    var ledger = Ledger()
    for event in DemoData.events(count: count, open: open, seed: 42, now: now, policy: .standard) { try! ledger.apply(event) }
    let openNow = ledger.escalations.values.filter(\.isOpen).count
    print("\n\(count) escalations, \(openNow) open, \(size.width)×\(size.height)")

    var first: [Double] = []
    var state = BoardState(ledger: ledger, policy: .standard, now: now, storeName: "bench", size: size)
    for _ in 0..<(quick ? 3 : 7) {
        first.append(timed {
            state = BoardState(ledger: ledger, policy: .standard, now: now, storeName: "bench", size: size)
            _ = BoardView.render(state)
        })
    }
    show("first frame (state + render)", first)

    var keys: [Double] = []
    let presses: [Key] = [.down, .down, .down, .right, .down, .up, .left, .down, .character("G"), .character("g")]
    for i in 0..<(quick ? 200 : 1000) {
        let key = presses[i % presses.count]
        keys.append(timed {
            _ = state.handle(.key(key))
            _ = BoardView.render(state)
        })
    }
    show("key press → frame", keys)

    var ticks: [Double] = []
    var moment = now
    for _ in 0..<(quick ? 60 : 300) {
        moment = moment.addingTimeInterval(1)
        ticks.append(timed {
            _ = state.handle(.tick(moment))
            _ = BoardView.render(state)
        })
    }
    show("clock tick (1 s) → frame", ticks)

    // Another process's commit arriving through the watcher: one note on an open card, then the frame.
    var changes: [Double] = []
    let lifecycle = Lifecycle(policy: .standard)
    let targets = ledger.escalations.values.filter(\.isOpen).map(\.id).sorted().prefix(50)
    var live = ledger
    for i in 0..<(quick ? 20 : 100) {
        let id = targets[targets.index(targets.startIndex, offsetBy: i % targets.count)]
        var event = try! lifecycle.decide(.note("bench \(i)"), on: id, in: live, at: moment, actor: "other")
        event.sequence = live.lastSequence + 1
        try! live.apply(event)
        let snapshot = live
        changes.append(timed {
            _ = state.handle(.storeChanged([event], reloaded: false, ledger: snapshot))
            _ = BoardView.render(state)
        })
    }
    show("other process's change → frame", changes)

    // WALLBOARD-BEGIN
    var wall = BoardState(ledger: ledger, policy: .standard, now: now, storeName: "bench", size: size)
    wall.wallboard = Wallboard()
    var wallTicks: [Double] = []
    moment = now
    for _ in 0..<(quick ? 60 : 300) {
        moment = moment.addingTimeInterval(1)
        wallTicks.append(timed {
            _ = wall.handle(.tick(moment))
            _ = BoardView.render(wall)
        })
    }
    show("wallboard tick (1 s) → frame", wallTicks)
    // WALLBOARD-END
}

scenario(count: 10_000, open: 1_000)
scenario(count: 10_000, open: 10_000)
