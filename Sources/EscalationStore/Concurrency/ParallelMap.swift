import Foundation

/// `map` in order on every core, each chunk with its own `state` (e.g. an encoder, which is not thread-safe):
/// demo data and compaction encode a million events. At most `chunks` workers; `minimumChunk` keeps
/// small inputs on one thread, and a caller whose items are whole chunks of work passes 1.
public func parallelMap<T, S, U>(_ items: [T], chunks: Int? = nil, minimumChunk: Int = 256,
                                 state: () -> S, _ transform: (inout S, T) -> U) -> [U] {
    // The cores are counted only for work worth sharing (Foundation reads the cgroup's quota to count them).
    let workers = items.count < 2 * minimumChunk ? 1 : max(1, min(chunks ?? ProcessInfo.processInfo.activeProcessorCount, items.count / minimumChunk))
    guard workers > 1 else {
        var s = state()
        return items.map { transform(&s, $0) }
    }
    let size = (items.count + workers - 1) / workers
    let parts = ChunkResults<U>(workers)
    withoutActuallyEscaping(transform) { transform in
        withoutActuallyEscaping(state) { state in
            let box = UncheckedBox((transform, state, items))
            DispatchQueue.concurrentPerform(iterations: workers) { chunk in
                let (transform, state, items) = box.value
                var s = state()
                let part = items[(chunk * size)..<min(items.count, (chunk + 1) * size)].map { transform(&s, $0) }
                parts.put(chunk, part)
            }
        }
    }
    return parts.joined
}

/// `map` in order on every core: `list --all` reads the clocks and writes JSON for a hundred thousand escalations.
public func parallelMap<T, U>(_ items: [T], chunks: Int? = nil, minimumChunk: Int = 256,
                              _ transform: (T) -> U) -> [U] {
    parallelMap(items, chunks: chunks, minimumChunk: minimumChunk, state: {}) { _, item in transform(item) }
}

/// Closures handed to the workers; each worker only reads them.
private final class UncheckedBox<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}

/// One result per chunk, each written by exactly one worker.
private final class ChunkResults<U>: @unchecked Sendable {
    private var storage: [[U]]
    private let lock = NSLock()
    init(_ count: Int) { storage = Array(repeating: [], count: count) }
    func put(_ index: Int, _ value: [U]) { lock.withLock { storage[index] = value } }
    var joined: [U] { lock.withLock { storage.flatMap { $0 } } }
}
