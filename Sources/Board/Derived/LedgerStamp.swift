import Foundation

/// A number unique to each version of a state's ledger, across every copy of every state, so the
/// derived-facts cache that copies share can never mistake one ledger for another.
enum LedgerStamp {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last: UInt64 = 0

    static func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        last &+= 1
        return last
    }
}
