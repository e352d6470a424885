import Foundation
import EscalationKit
import Board
import Terminal

// board-preview: the real ncurses board on an in-memory ledger, for trying the board and for the
// tmux end-to-end test before the store is wired in.
//   board-preview [--external-every SECONDS]   (simulates another user writing every SECONDS)

let arguments = CommandLine.arguments
var externalEvery: Double?
if let i = arguments.firstIndex(of: "--external-every"), i + 1 < arguments.count { externalEvery = Double(arguments[i + 1]) }

let policy = Policy.standard
let started = Date()
let store = PreviewStore(ledger: SampleLedger.make(seed: 42, now: started, policy: policy), policy: policy)
let actor = ProcessInfo.processInfo.environment["USER"] ?? "preview"

do {
    let queue = try ActionQueue()
    if let seconds = externalEvery, seconds > 0 {
        let writer = Thread {
            var pick = 0
            while true {
                Thread.sleep(forTimeInterval: seconds)
                if let action = store.externalChange(pick: pick) { queue.push(action) }
                pick += 1
            }
        }
        writer.start()
    }
    let initial = BoardState(ledger: store.current, policy: policy, now: started, storeName: "preview (in memory)")
    let outcome = try TerminalApp.run(initial: initial, externalActions: queue) { effect in
        store.perform(effect, actor: actor)
    }
    if let signal = outcome.signal { exit(128 + signal) }
} catch {
    FileHandle.standardError.write(Data("board-preview: \(error)\n".utf8))
    exit(1)
}
