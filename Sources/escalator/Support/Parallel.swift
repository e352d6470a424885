import Foundation

/// `map` on every core, in order: `list --all` reads the clocks and writes JSON for a hundred thousand escalations.
/// `minimumChunk` keeps small inputs on one thread; a caller whose items are whole chunks of work passes 1.
func parallelMap<T: Sendable, U>(_ items: [T], chunks: Int = ProcessInfo.processInfo.activeProcessorCount, minimumChunk: Int = 256,
                                 _ transform: @Sendable (T) -> U) -> [U] {
    let count = max(1, min(chunks, items.count / minimumChunk))
    guard count > 1 else { return items.map(transform) }
    let slots = Slots<[U]>(count)
    let size = (items.count + count - 1) / count
    DispatchQueue.concurrentPerform(iterations: count) { chunk in
        slots.put(chunk, items[(chunk * size)..<min(items.count, (chunk + 1) * size)].map(transform))
    }
    return slots.values.flatMap { $0 }
}

/// One result per chunk, each written by exactly one worker.
private final class Slots<U>: @unchecked Sendable {
    private var storage: [U?]
    private let lock = NSLock()
    init(_ count: Int) { storage = Array(repeating: nil, count: count) }
    func put(_ index: Int, _ value: U) { lock.withLock { storage[index] = value } }
    var values: [U] { storage.map { $0! } }
}
