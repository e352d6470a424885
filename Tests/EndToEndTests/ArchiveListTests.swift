import Foundation
import Testing

/// `list --all` through the real binary: the archive summary changes how fast it answers, never what.
@Suite struct ArchiveListTests {
    @Test func listAllPrintsTheSameBytesWithAndWithoutTheArchiveSummary() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--count", "300", "--seed", "5").code == 0)
        let summaryPath = cli.store.appendingPathComponent("archive-summary.jsonl").path
        let summary = try String(contentsOfFile: summaryPath, encoding: .utf8)
        let archivedID = try #require(summary.firstMatch(of: /"summary":\["(ESC-\d{4}-\d+)"/)?.1).description

        let withSummary = [try cli.run("list", "--all", "--json"), try cli.run("list", "--all"),
                           try cli.run("list", "--all", "--status", "closed", "--json"), try cli.run("show", archivedID, "--json")]
        #expect(withSummary.allSatisfy { $0.code == 0 })
        #expect(withSummary[0].out.contains(archivedID))
        try FileManager.default.removeItem(atPath: summaryPath)
        let decodingAll = [try cli.run("list", "--all", "--json"), try cli.run("list", "--all"),
                           try cli.run("list", "--all", "--status", "closed", "--json"), try cli.run("show", archivedID, "--json")]
        #expect(withSummary.map(\.out) == decodingAll.map(\.out))

        let doctor = try cli.run("doctor", "--repair")
        #expect(doctor.code == 0)
        #expect(doctor.out.contains("rebuilt from the archive"))
        #expect(try cli.run("list", "--all", "--json").out == withSummary[0].out)

        let refused = try cli.run("update", archivedID, "--note", "hello")
        #expect(refused.code != 0)
        #expect(refused.err.contains("archived"))
    }
}
