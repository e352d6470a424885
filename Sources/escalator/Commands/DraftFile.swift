import EscalationKit
import Foundation

/// The JSON a `new --from FILE` reads: the same fields as the options, with the brief as
/// `show --json` prints it. Every field is optional; options on the command line win.
struct DraftFile: Decodable {
    var account: String?
    var title: String?
    var category: Category?
    var severity: Severity?
    var reason: String?
    var tier: Int?
    var arr: Int?
    var currency: String?
    var segment: Segment?
    var renewal: String?
    var health: Int?
    var strategic: Bool?
    var scores: Scores?
    var brief: Brief?
    var sentiment: String?
    var pattern: String?

    struct Scores: Decodable {
        var impact: Int?
        var value: Int?
        var urgency: Int?
        var capability: Int?
    }

    init() {}

    static func read(_ path: String) throws -> DraftFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.badInput("Cannot read \(safe(path)).")
        }
        let decoder = JSONInput.decoder()
        do {
            return try decoder.decode(DraftFile.self, from: data)
        } catch let error as DecodingError {
            throw Failure.badInput("\(safe(path)) is not a valid escalation file: \(JSONProblem.describe(error))")
        }
    }
}

/// A decoding error in one sentence: where and what.
enum JSONProblem {
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let c): return (c.codingPath.isEmpty ? "" : path(c.codingPath) + ": ") + c.debugDescription
        case .keyNotFound(let key, let c): return "\(path(c.codingPath + [key])) is missing"
        case .typeMismatch(_, let c): return "\(path(c.codingPath)) has the wrong type (\(c.debugDescription))"
        case .valueNotFound(_, let c): return "\(path(c.codingPath)) is null"
        @unknown default: return "\(error)"
        }
    }
}

import EscalationStore
