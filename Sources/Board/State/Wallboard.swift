import Foundation

/// The read-only wallboard's own state: no cursor, only the note shown when a key was refused.
public struct Wallboard: Hashable, Sendable {
    /// When the "read-only" note appeared; it goes after `noteSeconds` so the wall stays clean.
    public var noteShownAt: Date?

    /// How long the refusal note stays.
    public static let noteSeconds: TimeInterval = 5

    public init() {}
}
