import EscalationKit
import EscalationStore
import Foundation
import Invocation

// A helper for the store's multi-process tests: writes, crashes and watches from its own process.
//   store-torture write DIR ACTOR COUNT [SHARED-ID…]  COUNT commits; tries to acknowledge every shared id
//   store-torture crash DIR ACTOR                    commits until killed (small compaction threshold)
//   store-torture watch DIR                          prints "ready", then "seen SEQ NANOS" at the first change
//   store-torture commit-then-die DIR ACTOR          commits one new escalation, prints "ok SEQ ID", then kills itself
//                                                    (SIGKILL) before anything else: what a crash between a commit and
//                                                    the queueing of its notifications leaves
//   store-torture compact-crash DIR                  compacts, and kills itself between the archive append and the snapshot rename
//   store-torture hold DIR ACTOR                     holds the writers' lock as a writer does (naming itself in the
//                                                    lock file), prints "held", and lets go when its standard input ends
// Each committed event is reported as "ok SEQ" with one write(2), so a SIGKILL cannot lose a report.

func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func nanos() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_REALTIME, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

func draft(_ title: String) -> Draft {
    Draft(title: title, account: Account(name: "Acme Corp", arr: Money(85_000)), category: .productDefect, severity: .high, team: "engineering")
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { say("usage: store-torture write|crash|watch|hold DIR …"); exit(2) }
let directory = URL(fileURLWithPath: arguments[1])

do {
    switch arguments[0] {
    case "write":
        let actor = arguments[2]
        let count = Int(arguments[3])!
        let shared = arguments.dropFirst(4).compactMap(EscalationID.init)
        let store = try Store.open(at: directory, policy: .standard)
        store.lockTimeout = .seconds(30)
        var own: [EscalationID] = []
        for i in 0..<count {
            let context = Context(actor: actor, now: Date())
            if i < shared.count {
                do {
                    let event = try store.commit(.acknowledge(owner: actor), on: shared[i], context: context)
                    say("ok \(event.sequence)")
                } catch .rejected(let error) {
                    say("refused \(shared[i]) \(error.kind.rawValue): \(error.message)")
                }
            } else if own.isEmpty || i % 3 == 0 {
                let event = try store.commit(.create(draft("\(actor) #\(i)")), on: nil, context: context)
                own.append(event.escalation)
                say("ok \(event.sequence)")
            } else {
                let event = try store.commit(.note("\(actor) note \(i)"), on: own[i % own.count], context: context)
                say("ok \(event.sequence)")
            }
        }
    case "crash":
        let actor = arguments[2]
        let store = try Store.open(at: directory, policy: .standard)
        store.compactionThreshold = 8 * 1024
        var own: EscalationID?
        var i = 0
        while true {
            let context = Context(actor: actor, now: Date())
            let event: Event
            if let id = own, i % 4 != 0 {
                event = try store.commit(.note("note \(i)"), on: id, context: context)
            } else {
                event = try store.commit(.create(draft("crash #\(i)")), on: nil, context: context)
                own = event.escalation
            }
            say("ok \(event.sequence)")
            i += 1
        }
    case "commit-then-die":
        let store = try Store.open(at: directory, policy: .standard)
        let event = try store.commit(.create(draft("killed before delivery")), on: nil, context: Context(actor: arguments[2], now: Date()))
        say("ok \(event.sequence) \(event.escalation)")
        kill(getpid(), SIGKILL)
    case "compact-crash":
        let store = try Store.open(at: directory, policy: .standard)
        Store.compactionFault = { step in
            guard step == .archiveAppended else { return }
            say("killed after the archive append")
            raise(SIGKILL)
        }
        try store.compact()
        say("compacted")
    case "watch":
        let store = try Store.open(at: directory, policy: .standard)
        let watcher = try store.watch { events, _ in
            if let last = events.last {
                say("seen \(last.sequence) \(nanos())")
                exit(0)
            }
        }
        say("ready")
        sleep(20)
        watcher.stop()
        say("timeout")
        exit(1)
    case "hold":
        // What a slow writer looks like to the others: the lock taken and the holder written into it.
        let path = directory.appendingPathComponent("lock").path
        let fd = open(path, O_RDWR)
        guard fd >= 0, flock(fd, LOCK_EX) == 0 else { say("cannot lock \(path)"); exit(1) }
        let holder = "pid \(getpid()) (\(arguments[2]): store-torture hold) since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = holder.withCString { pwrite(fd, $0, strlen($0), 0) }
        say("held")
        _ = FileHandle.standardInput.readDataToEndOfFile()
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        say("released")
    default:
        say("unknown mode \(arguments[0])")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
