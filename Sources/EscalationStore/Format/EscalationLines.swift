import EscalationKit
import Foundation

/// How the snapshot and the archive hold an escalation: one checked line with its id and history
/// only. The state is the replay of the history, so storing the fields too would double what
/// start-up decodes; lines are decoded on all cores.
enum EscalationLines {
    struct Stored: Codable {
        var id: EscalationID
        var history: [HistoryEntry]
    }

    static func encode(_ escalation: Escalation, with encoder: JSONEncoder) throws(StoreError) -> [UInt8] {
        do {
            return CheckedLine.encode(field: "escalation", payload: Array(try encoder.encode(Stored(id: escalation.id, history: escalation.history))))
        } catch {
            throw .io(path: "escalation \(escalation.id)", reason: "cannot encode: \(error)")
        }
    }

    /// How a line holding escalation `id` ends: the encoder writes keys in order, so a schema-2 line
    /// ends with `"id":"ESC-2026-0042"}}`. Made once per id, then compared against every line.
    static func lineEnding(of id: EscalationID) -> [UInt8] {
        Array(",\"id\":\"\(id)\"}}".utf8)
    }

    /// Whether a line (without its newline) ends as `ending` says: a cheap test, no decoding.
    static func line(_ line: ArraySlice<UInt8>, endsWith ending: [UInt8]) -> Bool {
        line.count > ending.count && line.suffix(ending.count).elementsEqual(ending)
    }

    /// The lines of many escalations, encoded on every core (schema 2 by the hand-written writer, whose
    /// bytes are JSONEncoder's; JSONEncoder, made only when needed, for schema 1 and what it declines).
    static func encode(_ escalations: [Escalation], schema: Int) throws(StoreError) -> [UInt8] {
        let lines = parallelMap(escalations, minimumChunk: 64, state: { LazyCoders(schema: schema) }) { coders, escalation in
            Result { () throws(StoreError) -> [UInt8] in
                if schema >= 2, let payload = FastWrite.storedEscalation(id: escalation.id, history: escalation.history) {
                    return CheckedLine.encode(field: "escalation", payload: payload)
                }
                return try encode(escalation, with: coders.encoder)
            }
        }
        var bytes: [UInt8] = []
        for line in lines { bytes += try line.get() }
        return bytes
    }

    /// Decodes and replays `lines` of `bytes` in parallel; the first damaged line (by position) is the error.
    /// `firstLine` is the file line number of `lines[0]`. `checked` says a checksum over the whole file
    /// already matched (the snapshot's header), so the lines' own checksums cannot fail and are not recomputed.
    /// `alongside` runs on one of the same threads while the others decode (the snapshot's checksum):
    /// serial work done first would leave the other core idle.
    static func decode(_ bytes: [UInt8], lines: ArraySlice<Range<Int>>, firstLine: Int, schema: Int, path: String, checked: Bool = false,
                       alongside: (@Sendable () -> Void)? = nil) throws(StoreError) -> [Escalation] {
        let ranges = Array(lines)
        guard !ranges.isEmpty else {
            alongside?()
            return []
        }
        // Chunks small enough that a thread slowed by the other work (or by another process on a
        // shared machine) does not leave the rest waiting at the end, large enough to cost nothing.
        let chunk = 32
        let chunks = (ranges.count + chunk - 1) / chunk
        // One chunk (a command about one escalation reads one line) is decoded on this thread, the side
        // job before it: a worker thread would cost more to start than the decoding it takes over.
        let workers = chunks == 1 ? 1 : min(max(1, ProcessInfo.processInfo.activeProcessorCount), chunks + (alongside == nil ? 0 : 1))
        let results = Results(count: ranges.count, workers: workers, chunks: chunks, sideJob: alongside)
        let work: @Sendable (Int) -> Void = { worker in
            var decoder: JSONDecoder?
            while let task = results.nextTask() {
                guard let first = task else {
                    alongside?()
                    continue
                }
                for index in (first * chunk)..<min(ranges.count, (first + 1) * chunk) {
                    let range = ranges[index]
                    let location = "line \(firstLine + index) (byte \(range.lowerBound))"
                    if decoder == nil, schema < 2 { decoder = StoreCoding.decoder(schema: schema) }
                    let result = decodeOne(bytes[range], schema: schema, decoder: decoder, path: path, location: location, checked: checked)
                    switch result {
                    case .success(let e): results.set(index, e)
                    case .failure(let error): results.fail(worker, index, error); return
                    }
                }
            }
        }
        // Alone, on this thread: even one iteration of concurrentPerform starts libdispatch's pools.
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        if let error = results.firstError { throw error }
        return results.takeValues()
    }

    private static func decodeOne(_ line: ArraySlice<UInt8>, schema: Int, decoder: JSONDecoder?, path: String, location: String, checked: Bool) -> Result<Escalation, StoreError> {
        let payload: ArraySlice<UInt8>
        switch CheckedLine.payload(of: line, field: "escalation", verifying: !checked) {
        case .success(let p): payload = p
        case .failure(let problem): return .failure(.damaged(path: path, location: location, reason: problem.reason))
        }
        let stored: Stored
        if schema >= 2, let fast = FastRead.storedEscalation(payload) {
            stored = Stored(id: fast.id, history: fast.history)
        } else {
            // JSONDecoder only for what the fast reader leaves (old schemas, unusual lines): made when needed.
            do { stored = try (decoder ?? StoreCoding.decoder(schema: schema)).decode(Stored.self, from: Data(payload)) } catch {
                return .failure(.damaged(path: path, location: location, reason: "the escalation does not parse (\(StoreCoding.reason(error)))"))
            }
        }
        guard let first = stored.history.first, case .created(let draft) = first.change else {
            return .failure(.damaged(path: path, location: location, reason: "\(stored.id)'s history does not start with its creation"))
        }
        func event(_ entry: HistoryEntry, revision: Int) -> Event {
            Event(sequence: entry.sequence, time: entry.time, actor: entry.actor, escalation: stored.id, expectedRevision: revision, change: entry.change, login: entry.login)
        }
        var escalation = Escalation(created: event(first, revision: 0), draft: draft)
        // Replay appends each entry (an undo replays those before it, so they must be there):
        // room for all of them up front, so that the history grows without reallocating.
        escalation.history.reserveCapacity(stored.history.count)
        for entry in stored.history.dropFirst() {
            do { try escalation.apply(event(entry, revision: escalation.revision)) } catch {
                return .failure(.damaged(path: path, location: location, reason: "\(stored.id)'s history does not replay: \(error)"))
            }
        }
        return .success(escalation)
    }

    /// Slots the workers fill; each index is written by exactly one worker. Hands out the chunks
    /// (and the side job, first) one at a time.
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Escalation?>
        private let count: Int
        private var errors: [(Int, StoreError)?]
        private let lock = NSLock()
        private let chunks: Int
        private var nextChunk = 0
        private var sideJobTaken: Bool
        private var failed = false

        init(count: Int, workers: Int, chunks: Int, sideJob: (@Sendable () -> Void)?) {
            self.count = count
            self.chunks = chunks
            sideJobTaken = sideJob == nil
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
            errors = Array(repeating: nil, count: workers)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        /// The next chunk to decode, `.some(nil)` for the side job, nil when nothing is left (or a line failed).
        func nextTask() -> Int?? {
            lock.withLock {
                if !sideJobTaken {
                    sideJobTaken = true
                    return .some(nil)
                }
                // After a failure, lines before it may still be damaged: only those chunks are still needed.
                guard nextChunk < chunks, !failed else { return nil }
                nextChunk += 1
                return .some(nextChunk - 1)
            }
        }

        func set(_ index: Int, _ value: Escalation) { slots[index] = value }

        func fail(_ worker: Int, _ index: Int, _ error: StoreError) {
            lock.withLock {
                failed = true
                errors[worker] = (index, error)
            }
        }

        var firstError: StoreError? { errors.compactMap { $0 }.min { $0.0 < $1.0 }?.1 }
        /// The decoded escalations, moved out of their slots (an escalation is large: copying shows).
        func takeValues() -> [Escalation] {
            var values: [Escalation] = []
            values.reserveCapacity(count)
            for index in 0..<count { if let e = slots[index].take() { values.append(e) } }
            return values
        }
    }
}
