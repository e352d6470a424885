import Foundation

/// The status line's messages of this session, oldest first, each kept whole with its time.
public struct MessageLog: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var time: Date
        public var message: BoardState.Message
    }

    public private(set) var entries: [Entry] = []

    /// Enough for a long day; the oldest go first.
    static let limit = 500

    public init() {}

    mutating func record(_ message: BoardState.Message, at time: Date) {
        entries.append(Entry(time: time, message: message))
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }
}
