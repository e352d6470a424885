import Foundation
import Testing

/// A command whose change was committed exits 0 even when the compaction after it fails, and says so.
@Suite struct PostponedCompactionTests {
    @Test func aFailedCompactionIsAWarningNotAFailure() throws {
        var cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"])
        // Where the next generation's journal goes, a directory: every compaction fails there (EISDIR).
        let blocker = cli.store.appendingPathComponent("journal-2.jsonl")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        cli.extraEnvironment["ESCALATOR_COMPACTION_THRESHOLD"] = "0"
        let r = try cli.run("update", id, "--note", "kept-42", at: "2026-03-10T09:00:00Z")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("saved; compaction postponed: "), "\(r.err)")
        #expect(r.err.contains("Is a directory"), "the true reason: \(r.err)")
        #expect(try cli.run("show", id).out.contains("kept-42"))

        try FileManager.default.removeItem(at: blocker)
        let retried = try cli.run("update", id, "--note", "and now it compacts", at: "2026-03-10T09:01:00Z")
        #expect(retried.code == 0)
        #expect(retried.err.isEmpty, "\(retried.err)")
        #expect(FileManager.default.fileExists(atPath: cli.store.appendingPathComponent("journal-2.jsonl").path))
        #expect(!FileManager.default.fileExists(atPath: cli.store.appendingPathComponent("journal-1.jsonl").path))
    }
}
