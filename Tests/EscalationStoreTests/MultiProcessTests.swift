import EscalationKit
import EscalationStore
import Foundation
import Testing
import Invocation

/// Real processes (the store-torture helper) writing, crashing and watching at once.
@Suite(.serialized) struct MultiProcessTests {
    @Test func fourWritersLoseNothingAndRefuseDoubledTransitions() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let shared = try (0..<20).map { i in
            try store.commit(.create(Scratch.draft("Shared \(i)")), on: nil, context: Context(actor: "setup", now: Date())).escalation
        }
        let writers = try (0..<4).map { w in
            try Torture.start(["write", scratch.store.path, "writer\(w)", "500"] + shared.map(\.description))
        }
        var reported: [Int] = []
        var refusals = 0
        for (process, out) in writers {
            let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            reported += lines.compactMap { $0.hasPrefix("ok ") ? Int($0.dropFirst(3)) : nil }
            refusals += lines.filter { $0.hasPrefix("refused ") }.count
        }
        #expect(reported.count + refusals == 2000)
        #expect(Set(reported).count == reported.count, "a sequence was reported twice")
        #expect(refusals == 60, "each shared escalation is acknowledged once, by one of the four")

        let readers = try (0..<2).map { _ in try Store.open(at: scratch.store, policy: .standard) }
        try store.refresh()
        #expect(readers[0].ledger == readers[1].ledger)
        #expect(readers[0].ledger == store.ledger)
        let ledger = readers[0].ledger
        #expect(ledger.lastSequence == 20 + reported.count)
        #expect(Set(reported) == Set(21...ledger.lastSequence))
        for id in shared {
            let acks = ledger[id]!.history.filter { if case .acknowledged = $0.change { true } else { false } }
            #expect(acks.count == 1)
        }
    }

    @Test func aWriterKilledAtRandomLosesNoReportedEvent() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        _ = try Store.create(at: scratch.store, policy: .standard)
        var generator = SystemRandomNumberGenerator()
        var allReported = Set<Int>()
        for iteration in 0..<30 {
            let (process, out) = try Torture.start(["crash", scratch.store.path, "crasher"])
            usleep(UInt32.random(in: 20_000...150_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
            allReported.formUnion(lines.compactMap { $0.hasPrefix("ok ") ? Int($0.dropFirst(3)) : nil })
            let store = try Store.open(at: scratch.store, policy: .standard)
            let last = store.ledger.lastSequence
            #expect(allReported.allSatisfy { $0 <= last }, "iteration \(iteration): a reported event is missing")
        }
        // Nothing is ever closed here, so every event is in some escalation's history.
        let store = try Store.open(at: scratch.store, policy: .standard)
        let present = Set(store.ledger.escalations.values.flatMap { $0.history.map(\.sequence) })
        #expect(allReported.isSubset(of: present))
        #expect(allReported.count > 30)
    }

    @Test func aCompactionKilledBetweenTheArchiveAppendAndTheSnapshotRenameArchivesNothingTwice() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        var closed: [EscalationID] = []
        for n in 0..<4 {
            let id = try store.commit(.create(Scratch.draft("Closed #\(n)")), on: nil, context: Scratch.context("alice", Double(n) * 600)).escalation
            for (i, command) in [Command.acknowledge(owner: "Mike"), .start, .resolve(resolution: "Fixed"), .close].enumerated() {
                try store.commit(command, on: id, context: Scratch.context("alice", Double(n) * 600 + Double(i + 1) * 60))
            }
            closed.append(id)
        }
        try store.commit(.create(Scratch.draft("Still open")), on: nil, context: Scratch.context("alice", 40 * 86_400))
        let archive = scratch.store.appendingPathComponent("archive.jsonl")
        func archiveLines() -> Int {
            (try? String(contentsOf: archive, encoding: .utf8))?.split(separator: "\n").count ?? 0
        }
        // Killed twice at the same point: each time the archive got its lines and the snapshot did not change.
        for attempt in 1...2 {
            let (status, lines) = try Torture.run(["compact-crash", scratch.store.path])
            #expect(lines == ["killed after the archive append"], "attempt \(attempt): \(lines)")
            #expect(status == SIGKILL)
            #expect(archiveLines() == 1 + closed.count, "attempt \(attempt): the header and one line per escalation")
            let reopened = try Store.open(at: scratch.store, policy: .standard)
            #expect(closed.allSatisfy { reopened.ledger[$0] != nil }, "the old snapshot still holds them")
        }
        // The next compaction finishes, and still archives each once.
        let survivor = try Store.open(at: scratch.store, policy: .standard)
        try survivor.compact()
        #expect(archiveLines() == 1 + closed.count)
        #expect(try survivor.loadArchive().map(\.id) == closed)
        #expect(closed.allSatisfy { survivor.ledger[$0] == nil })
        let doctor = Store.doctor(at: scratch.store, repair: false)
        #expect(doctor.isHealthy, "\(doctor)")
    }

    @Test func aWatcherInAnotherProcessSeesACommit() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        var latencies: [Double] = []
        for _ in 0..<3 {
            let (process, out) = try Torture.start(["watch", scratch.store.path])
            let reader = out.fileHandleForReading
            var buffer = Data()
            while !String(decoding: buffer, as: UTF8.self).contains("ready\n") {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer += chunk
            }
            usleep(50_000)
            var start = timespec()
            clock_gettime(CLOCK_REALTIME, &start)
            let event = try store.commit(.create(Scratch.draft()), on: nil, context: Context(actor: "alice", now: Date()))
            let rest = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let seen = rest.split(separator: "\n").first { $0.hasPrefix("seen ") }.map { $0.split(separator: " ") }
            #expect(seen?[1] == "\(event.sequence)"[...])
            if let nanos = seen.flatMap({ UInt64($0[2]) }) {
                latencies.append(Double(nanos - (UInt64(start.tv_sec) * 1_000_000_000 + UInt64(start.tv_nsec))) / 1e6)
            }
        }
        print("watcher latency across processes (commit included): \(latencies.map { String(format: "%.1f ms", $0) })")
        #expect(latencies.count == 3)
        #expect(latencies.sorted()[1] < 1000)
    }
}
