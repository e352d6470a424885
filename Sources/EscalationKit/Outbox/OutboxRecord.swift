import Foundation

/// One notification on its way to one hook command, as it was written to the store before any
/// delivery was tried: the payload is kept exactly as made, so a retry sends the same bytes.
public struct OutboxDelivery: Hashable, Codable, Sendable {
    /// Short and stable: the same notification for the same command always gets the same id.
    public var id: String
    /// The idempotency key in the payload: the same for every hook and every attempt of one notification.
    public var key: String
    public var kind: String
    public var escalation: String
    public var command: String
    /// The JSON the hook reads on standard input.
    public var payload: String
    public var queued: Date
    /// The journal event it announces (nil for the clock's notifications: stalled, breach warnings).
    public var sequence: Int?

    public init(key: String, kind: String, escalation: String, command: String, payload: String, queued: Date, sequence: Int?) {
        id = OutboxDelivery.id(key: key, command: command)
        self.key = key
        self.kind = kind
        self.escalation = escalation
        self.command = command
        self.payload = payload
        self.queued = queued
        self.sequence = sequence
    }

    /// `D` and 11 hex digits of FNV-1a over key and command: short enough to type in `outbox retry`.
    public static func id(key: String, command: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (key + "\n" + command).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash >> 20, radix: 16)
        return "D" + String(repeating: "0", count: max(0, 11 - hex.count)) + hex
    }
}

/// One line of the outbox: the outbox is append-only, and its state is the fold of its records.
public enum OutboxRecord: Hashable, Sendable {
    /// A delivery written before it is tried.
    case queued(OutboxDelivery)
    /// One try: `failure` is nil when the hook took it (exit 0), else why not.
    case attempt(id: String, at: Date, failure: String?)
    /// Someone asked for another try (`escalator outbox retry`): the delivery starts over, due at once.
    case retry(id: String, at: Date)
    /// Every journal event up to `sequence` has had its notifications queued (the catch-up's mark).
    case seen(sequence: Int)
}

extension OutboxRecord: Codable {
    enum CodingKeys: String, CodingKey { case type, delivery, id, at, failure, sequence }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "queued": self = .queued(try c.decode(OutboxDelivery.self, forKey: .delivery))
        case "attempt": self = .attempt(id: try c.decode(String.self, forKey: .id), at: try c.decode(Date.self, forKey: .at),
                                        failure: try c.decodeIfPresent(String.self, forKey: .failure))
        case "retry": self = .retry(id: try c.decode(String.self, forKey: .id), at: try c.decode(Date.self, forKey: .at))
        case "seen": self = .seen(sequence: try c.decode(Int.self, forKey: .sequence))
        case let other: throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown outbox record \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .queued(let d):
            try c.encode("queued", forKey: .type)
            try c.encode(d, forKey: .delivery)
        case .attempt(let id, let at, let failure):
            try c.encode("attempt", forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(at, forKey: .at)
            try c.encodeIfPresent(failure, forKey: .failure)
        case .retry(let id, let at):
            try c.encode("retry", forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(at, forKey: .at)
        case .seen(let sequence):
            try c.encode("seen", forKey: .type)
            try c.encode(sequence, forKey: .sequence)
        }
    }
}
