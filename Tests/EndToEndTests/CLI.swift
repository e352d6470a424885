#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs the built `escalator` in a temporary store, the way a script or a CSM at a shell would.
struct CLI {
    let root: URL
    var store: URL { root.appendingPathComponent("store") }
    var now = "2026-03-10T08:50:00Z"
    var user = "carla"
    var extraEnvironment: [String: String] = [:]

    init() {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("escalator-e2e-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    static var executable: URL {
        let beside = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("escalator")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: ".build/debug/escalator")
    }

    /// Runs `escalator ARGS` with the store, clock and user of this test.
    @discardableResult
    func run(_ arguments: String..., at time: String? = nil, as actor: String? = nil, input: String? = nil) throws -> Result {
        try run(arguments, at: time, as: actor, input: input)
    }

    @discardableResult
    func run(_ arguments: [String], at time: String? = nil, as actor: String? = nil, input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ESCALATOR_STORE"] = store.path
        environment["ESCALATOR_NOW"] = time ?? now
        environment["ESCALATOR_USER"] = actor ?? user
        environment["ESCALATOR_CONFIG"] = nil
        environment["NO_COLOR"] = nil
        // The width a table fits is the test's to choose (a shell may export its own).
        environment["COLUMNS"] = nil
        for (k, v) in extraEnvironment { environment[k] = v }
        process.environment = environment
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    /// Parses a command's JSON output.
    func json(_ arguments: String..., at time: String? = nil) throws -> Any {
        let result = try run(arguments, at: time)
        guard result.code == 0 else { throw Failed(message: "exit \(result.code): \(result.err)") }
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }

    /// Writes a file into the test's folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A hook script that appends each payload it is given as one line of `sent`, under a lock so
    /// that hooks of several processes at once never mix their lines: what went out, to count.
    func payloadCollector() throws -> (script: String, sent: String) {
        let sent = root.appendingPathComponent("sent").path
        let script = try write("collect.sh", "#!/bin/sh\n/usr/bin/flock \(sent).lock sh -c 'tr -d \"\\n\" >> \(sent); echo >> \(sent)'\n")
        chmod(script, 0o755)
        return (script, sent)
    }

    /// Every file of the store with its bytes, to prove a refused command changed nothing.
    func storeFiles() -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: store.path)
        while let name = enumerator?.nextObject() as? String {
            let path = store.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue, !name.hasSuffix("lock") {
                result[name] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    struct Failed: Error { var message: String }

    /// Creates an escalation and returns its id.
    func new(_ extra: [String] = [], account: String = "Acme Corp", title: String = "API latency on reports",
             category: String = "product_defect", at time: String? = nil) throws -> String {
        let result = try run(["new", "--account", account, "--title", title, "--category", category] + extra, at: time)
        guard result.code == 0 else { throw Failed(message: "new failed (\(result.code)): \(result.err)") }
        return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
