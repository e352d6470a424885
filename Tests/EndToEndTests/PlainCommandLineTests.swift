import ArgumentParser
import Testing
@testable import escalator

/// `show` and `update` on a plain command line skip argument-parser (issue 14): what they read must
/// be exactly what argument-parser reads, and every other line must go to argument-parser.
@Suite struct PlainCommandLineTests {
    /// The request argument-parser's reading of `line` makes, to compare with the plain reading.
    static func request(_ command: ParsableCommand) -> PlainCommandLine.Command? {
        switch command {
        case let show as ShowCommand: .show(show.request)
        case let update as UpdateCommand: .update(update.request)
        default: nil
        }
    }

    @Test(arguments: [
        ["show", "ESC-2026-0001"],
        ["show", "ESC-2026-0001", "--json"],
        ["show", "--store", "/tmp/a store", "ESC-2026-0001"],
        ["show", "ESC-2026-0001", "--store=/tmp/x=y", "--json"],
        ["show", "not-an-id"],
        ["update", "ESC-2026-0001", "--note", "Reproduced on staging — naïve café 東京"],
        ["update", "--note", "first", "ESC-2026-0001"],
        ["update", "ESC-2026-0001", "--note=a=b", "--customer", "--json", "--store", "s"],
        ["update", "ESC-2026-0001", "--customer", "--from-draft", "--store=/srv/store"],
        ["update", "ESC-2026-0001", "--note", ""],
        ["update", "ESC-2026-0001"],
    ])
    func aPlainLineReadsAsArgumentParserReadsIt(_ line: [String]) throws {
        let plain = try #require(PlainCommandLine.command(line), "\(line) should take the plain path")
        let parsed = try Escalator.parseAsRoot(line)
        #expect(plain == Self.request(parsed), "\(line)")
    }

    @Test(arguments: [
        [],
        ["list"],
        ["show"],
        ["show", "ESC-1", "ESC-2"],
        ["show", ""],
        ["show", "ESC-1", "--help"],
        ["show", "ESC-1", "-h"],
        ["show", "--version"],
        ["show", "ESC-1", "--json", "--json"],
        ["show", "ESC-1", "--store"],
        ["show", "ESC-1", "--generate-completion-script", "bash"],
        ["show", "ESC-1", "--note", "x"],
        ["update", "ESC-1", "--note"],
        ["update", "ESC-1", "--note", "-5 minutes"],
        ["update", "ESC-1", "--note", "a", "--note", "b"],
        ["update", "ESC-1", "--", "--note"],
        ["update", "ESC-1", "--unknown"],
        ["update", "ESC-1", "-n", "x"],
        ["help", "show"],
    ])
    func anythingElseGoesToArgumentParser(_ line: [String]) {
        #expect(PlainCommandLine.command(line) == nil, "\(line)")
    }
}
