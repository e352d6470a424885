import EscalationKit
import Foundation

/// Writes schema 2 lines without JSONEncoder, which spent over half of a big demo or import in
/// generic containers. The bytes are exactly JSONEncoder's (FastWriteTests compares them), so files
/// from either are the same; nil means "use JSONEncoder" (a value the fast writer does not vouch for).
enum FastWrite {
    /// An event's JSON and the event as replay will read it back (times to the millisecond).
    static func event(_ event: Event) -> (payload: [UInt8], canonical: Event)? {
        var writer = ByteWriter(capacity: 512)
        do throws(Unwritable) { try writer.event(event) } catch { return nil }
        guard let canonical = StoredTime.canonical(event) else { return nil }
        return (writer.bytes, canonical)
    }

    /// `{"history":[…],"id":…}` for an escalation line of the snapshot or the archive.
    static func storedEscalation(id: EscalationID, history: [HistoryEntry]) -> [UInt8]? {
        var writer = ByteWriter(capacity: 512 + 160 * history.count)
        do throws(Unwritable) { try writer.storedEscalation(id: id, history: history) } catch { return nil }
        return writer.bytes
    }
}
