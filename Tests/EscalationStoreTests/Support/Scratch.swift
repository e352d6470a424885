import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// A fresh directory under /tmp for one test, and the helpers the store tests share.
struct Scratch {
    let root: URL
    var store: URL { root.appendingPathComponent("store") }

    init() {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("store-test-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static let t0 = Date(timeIntervalSince1970: 1_773_133_200) // 2026-03-10T09:00:00Z

    static func draft(_ title: String = "Export truncates at 10k rows") -> Draft {
        Draft(title: title, account: Account(name: "Acme Corp", arr: Money(85_000)), category: .productDefect, severity: .high, team: "engineering")
    }

    static func context(_ actor: String = "alice", _ offset: TimeInterval = 0) -> Context {
        Context(actor: actor, now: t0.addingTimeInterval(offset))
    }

    /// Every file of the store with its bytes, to prove a failed open changed nothing.
    func contents() -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: store.path)
        while let name = enumerator?.nextObject() as? String {
            let path = store.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }
}

/// Runs the store-torture helper built next to the test bundle.
enum Torture {
    static var executable: URL {
        let beside = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("store-torture")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: ".build/debug/store-torture")
    }

    /// Starts the helper with its stdout on a pipe.
    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    /// Runs to the end and returns its output lines.
    static func run(_ arguments: [String]) throws -> (status: Int32, lines: [String]) {
        let (process, out) = try start(arguments)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }
}
