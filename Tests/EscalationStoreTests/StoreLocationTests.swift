import Foundation
import Testing
@testable import EscalationStore
import Invocation

@Suite struct StoreLocationTests {
    @Test func explicitPathWins() {
        let url = StoreLocation.resolve(explicit: "/tmp/a", environment: ["ESCALATOR_STORE": "/tmp/b", "HOME": "/home/x"])
        #expect(url.path == "/tmp/a")
    }

    @Test func environmentThenXDG() {
        #expect(StoreLocation.resolve(explicit: nil, environment: ["ESCALATOR_STORE": "/tmp/b"]).path == "/tmp/b")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).path == "/d/escalator")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]).path == "/h/.local/share/escalator")
    }

    @Test func nowAndActorFromEnvironment() throws {
        let c = try Context.fromEnvironment(["ESCALATOR_USER": "alice", "ESCALATOR_NOW": "2026-03-10T09:00:00Z"])
        #expect(c.actor == "alice")
        #expect(ISOTime.format(c.now) == "2026-03-10T09:00:00.000Z")
        #expect(throws: Context.Problem.self) { try Context.fromEnvironment(["ESCALATOR_NOW": "yesterday"]) }
    }
}
