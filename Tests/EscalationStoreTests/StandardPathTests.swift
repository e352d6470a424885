import Foundation
import Testing
@testable import EscalationStore

/// `StandardPath` replaced Foundation's `standardizedFileURL` on the start-up path (issue 14): it must
/// give the same path for every shape a user types, relative ones included.
@Suite struct StandardPathTests {
    @Test(arguments: [
        "/tmp/store", "/tmp/store/", "/tmp//store", "/tmp/./store", "/tmp/a/../store", "/tmp/a/b/../../store",
        "/", "/..", "/../tmp", "//tmp///store//", "/tmp/store/.", "/tmp/store/..", "/tmp/ä store/東京",
        "store", "./store", "a/../store", "../store", ".", "..", "a/./b/../c/",
    ])
    func givesFoundationsStandardizedPath(_ path: String) {
        #expect(StandardPath.of(path) == URL(fileURLWithPath: path).standardizedFileURL.path, "\(path)")
    }

    @Test func aDirectoryURLNamesTheSamePlace() {
        #expect(StandardPath.url("/tmp/x/../y", isDirectory: true).path == "/tmp/y")
        #expect(StandardPath.url("/tmp/y", isDirectory: true).appendingPathComponent("lock").path == "/tmp/y/lock")
    }
}
