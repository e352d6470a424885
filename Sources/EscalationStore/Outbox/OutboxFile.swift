#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation
import Invocation

/// The JSON store's outbox: `outbox.log`, append-only JSON lines each with its own checksum
/// (`{"checksum":…,"record":…}`, like the journal), written with the store's file mode and never
/// through a link. Appends need no lock (one O_APPEND write per batch, then fdatasync); delivering
/// takes `outbox.lock`, which is never the writers' lock, so a slow hook holds up no commit.
public struct OutboxFile: Outbox {
    let layout: StoreLayout

    public init(directory: URL) { layout = StoreLayout(directory) }

    var path: String { layout.directory + "/outbox.log" }
    var lockPath: String { layout.directory + "/outbox.lock" }

    public var exists: Bool { FileFacts.exists(path) }

    public func append(_ records: [OutboxRecord]) throws(StoreError) {
        guard !records.isEmpty else { return }
        var bytes: [UInt8] = []
        let encoder = Self.encoder
        for record in records {
            guard let payload = try? encoder.encode(record) else { throw .io(path: path, reason: "an outbox record could not be encoded") }
            bytes += CheckedLine.encode(field: "record", payload: Array(payload))
        }
        let file = try Descriptor.open(path, O_RDWR | O_APPEND | O_CREAT, mode: layout.fileMode)
        // A line torn by a crash has no end: start on a fresh line, so only the torn one is lost.
        let size = try file.size
        if size > 0, try file.read(from: size - 1) != [10] { bytes.insert(10, at: 0) }
        try file.append(bytes)
        try file.syncData()
    }

    public func read() throws(StoreError) -> (records: [OutboxRecord], damaged: Int) {
        guard let bytes = try FileFacts.read(path) else { return ([], 0) }
        let decoder = Self.decoder
        var records: [OutboxRecord] = []
        var damaged = 0
        for line in bytes.split(separator: 10, omittingEmptySubsequences: true) {
            // A line torn by a crash mid-append, or damaged later, is skipped and counted, never fatal:
            // at worst a delivery is tried again (at least once, never lost silently).
            guard case .success(let payload) = CheckedLine.payload(of: line, field: "record"),
                  let record = try? decoder.decode(OutboxRecord.self, from: Data(payload)) else {
                damaged += 1
                continue
            }
            records.append(record)
        }
        return (records, damaged)
    }

    public func asDeliverer<T>(timeout: Duration, actor: String, _ body: () throws -> T) throws -> T {
        let lock = try StoreLock(path: lockPath, mode: layout.fileMode, actor: Context.describe(actor: actor))
        try lock.acquire(timeout: timeout)
        defer { lock.release() }
        return try body()
    }

    private static var encoder: JSONEncoder { OutboxCoding.encoder }
    private static var decoder: JSONDecoder { OutboxCoding.decoder }
}
