import Foundation

/// What `doctor` found and, when asked to repair, what it did (with the backups it kept).
public struct DoctorReport: Sendable, CustomStringConvertible {
    /// Problems found, each with path, location and reason.
    public var problems: [String] = []
    /// Harmless observations (a torn tail awaiting the next write, leftover temp files).
    public var notes: [String] = []
    /// What repair changed, one line each.
    public var actions: [String] = []
    /// Copies of every file repair touched, as they were.
    public var backups: [String] = []

    /// True when nothing needs repair.
    public var isHealthy: Bool { problems.isEmpty }

    public var description: String {
        var lines: [String] = []
        lines += problems.map { "problem: \($0)" }
        lines += notes.map { "note: \($0)" }
        lines += actions.map { "repaired: \($0)" }
        lines += backups.map { "backup: \($0)" }
        if lines.isEmpty || (problems.isEmpty && actions.isEmpty) { lines.insert("The store is healthy.", at: 0) }
        return lines.joined(separator: "\n")
    }
}
