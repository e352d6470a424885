import Foundation
import Testing
@testable import Configuration

/// `[board.keys]` in the configuration file: read as plain data with lines, shape mistakes reported.
@Suite struct BoardKeysConfigurationTests {
    @Test func keysAreReadWithTheirLines() throws {
        let text = """
        # keys for a left-handed lead
        [board.keys]
        acknowledge = "A"
        undo = ["z", "ctrl-z"]
        """
        let bindings = try BoardConfiguration.keyBindings(text: text, path: "escalator.toml")
        #expect(bindings.keys == ["acknowledge": ["A"], "undo": ["z", "ctrl-z"]])
        #expect(bindings.lines == ["acknowledge": 3, "undo": 4])
        #expect(bindings.problem(action: "undo", "\"F1\" is not a key").description
                == "escalator.toml:4: board.keys.undo: \"F1\" is not a key")
        // The policy file still reads: the section is known.
        _ = try PolicyFile.parse(text: text, path: "escalator.toml")
    }

    @Test func aFileWithoutTheSectionHasNoBindings() throws {
        let bindings = try BoardConfiguration.keyBindings(text: "[stall]\ncritical = \"24h\"\n", path: "e.toml")
        #expect(bindings.keys.isEmpty)
    }

    @Test func badShapesAreReportedWithFileAndLine() {
        let text = """
        [board]
        keyz = 1
        [board.keys]
        acknowledge = 4
        undo = ["z", 5]
        """
        do {
            _ = try BoardConfiguration.keyBindings(text: text, path: "escalator.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.description) == [
                "escalator.toml:2: board.keyz: unknown key \"keyz\"; did you mean \"keys\"?",
                "escalator.toml:4: board.keys.acknowledge: expected a key in quotes, e.g. \"A\", or a list of keys, e.g. [\"a\", \"ctrl-a\"], found integer 4",
                "escalator.toml:5: board.keys.undo: expected a list of texts in quotes, e.g. [\"a\", \"ctrl-a\"], found integer 5 in it",
            ])
        }
    }

    @Test func theFileInForceIsTheOnePolicyFileLocates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("board-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try BoardConfiguration.keyBindings(storeDirectory: directory, environment: [:]).keys.isEmpty)
        try "[board.keys]\nquit = \"Q\"\n".write(to: directory.appendingPathComponent("escalator.toml"), atomically: true, encoding: .utf8)
        let bindings = try BoardConfiguration.keyBindings(storeDirectory: directory, environment: [:])
        #expect(bindings.keys == ["quit": ["Q"]])
        #expect(bindings.file.hasSuffix("escalator.toml"))
    }
}
