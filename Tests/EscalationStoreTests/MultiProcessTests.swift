import EscalationKit
import EscalationStore
import Foundation
import Testing

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
