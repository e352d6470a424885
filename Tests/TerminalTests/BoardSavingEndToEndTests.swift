import Foundation
import Testing

/// The real board while another process holds the store's lock: it says whom it waits for, keeps
/// taking keys, and lands the change once the lock is free (or shows why not, changing nothing).
@Suite(.serialized) struct BoardSavingEndToEndTests {
    static let binary = TmuxPane.built("escalator")
    static let torture = TmuxPane.built("store-torture")

    func demoStore() throws -> String {
        let directory = NSTemporaryDirectory() + "escalator-saving-e2e-\(UUID().uuidString.prefix(8))"
        let status = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) demo --store \(TmuxPane.quoted(directory)) --count 60 --seed 9 >/dev/null")
        try #require(status == 0)
        return directory
    }

    /// Another writer holding the lock (`store-torture hold`) until `release()`.
    final class LockHolder {
        let process = Process()
        let input = Pipe()
        let output = Pipe()

        init(store: String) throws {
            process.executableURL = URL(fileURLWithPath: BoardSavingEndToEndTests.torture)
            process.arguments = ["hold", store, "dana"]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            var said = Data()
            while !String(decoding: said, as: UTF8.self).contains("held") {
                let more = output.fileHandleForReading.availableData
                guard !more.isEmpty else { throw TmuxPane.Failure(command: "store-torture hold", status: process.terminationStatus) }
                said += more
            }
        }

        func release() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }

        deinit { if process.isRunning { release() } }
    }

    func status(of id: String, store: String) throws -> [String: Any] {
        let out = NSTemporaryDirectory() + "saving-\(UUID().uuidString).json"
        defer { unlink(out) }
        _ = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) show --json \(id) --store \(TmuxPane.quoted(store)) > \(out)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
    }

    /// The id the detail view shows on its second line.
    static func detailID(_ screen: String) -> String? {
        let lines = screen.components(separatedBy: "\n")
        guard lines.count > 1 else { return nil }
        return lines[1].split(separator: " ").first.map(String.init).flatMap { $0.hasPrefix("ESC-") ? $0 : nil }
    }

    @Test func aCommitWaitingForTheLockSaysForWhomWhileKeysStillMoveTheCursor() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        try #require(FileManager.default.isExecutableFile(atPath: Self.torture))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let pane = try TmuxPane(width: 120, height: 40,
                                command: "sh -c 'ESCALATOR_NOW= ESCALATOR_LOCK_TIMEOUT=60 ESCALATOR_USER=lead \(Self.binary) board --store \(store); echo RESTORED rc=$?; sleep 30'")
        var screen = pane.wait(for: "● live", "Routed")
        // The first routed card, as its detail names it.
        try pane.send("g")
        try pane.send("Enter")
        screen = pane.wait(for: "Status           Routed")
        let target = try #require(Self.detailID(screen), "\(screen)")
        try pane.send("Escape")
        screen = pane.wait(for: "Acknowledged")

        let holder = try LockHolder(store: store)
        try pane.send("a")
        screen = pane.wait(for: "owner?")
        try pane.type("Mike Ross")
        try pane.send("Enter")
        screen = pane.wait(for: "saving… (waiting for pid \(holder.process.processIdentifier) (dana: store-torture hold)")
        #expect(screen.contains("saving… (waiting for pid \(holder.process.processIdentifier) (dana: store-torture hold)"), "\(screen)")
        #expect(try status(of: target, store: store)["status"] as? String == "routed", "nothing is written while the lock is held")

        // Keys still work: the cursor moves to the next card, whose detail opens.
        try pane.send("j")
        try pane.send("Enter")
        screen = pane.wait(for: "Status           ")
        let other = Self.detailID(screen)
        #expect(other != nil && other != target, "the cursor moved while the commit waited: \(screen)")
        #expect(screen.contains("saving… (waiting for"), "still waiting: \(screen)")
        try pane.send("Escape")

        holder.release()
        screen = pane.wait(for: "\(target): acknowledged, owner Mike Ross", timeout: 10)
        #expect(screen.contains("\(target): acknowledged, owner Mike Ross"), "\(screen)")
        #expect(!screen.contains("saving…"), "\(screen)")
        let after = try status(of: target, store: store)
        #expect(after["status"] as? String == "acknowledged")
        #expect(after["owner"] as? String == "mike", "the demo roster's login for Mike Ross")

        try pane.send("q")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
    }

    @Test func aCommitThatTimesOutOnTheLockLeavesTheCardAndSaysWhy() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        try #require(FileManager.default.isExecutableFile(atPath: Self.torture))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let pane = try TmuxPane(width: 120, height: 40,
                                command: "sh -c 'ESCALATOR_NOW= ESCALATOR_LOCK_TIMEOUT=1 ESCALATOR_USER=lead \(Self.binary) board --store \(store); echo RESTORED rc=$?; sleep 30'")
        var screen = pane.wait(for: "● live", "Routed")
        try pane.send("g")
        try pane.send("Enter")
        screen = pane.wait(for: "Status           Routed")
        let target = try #require(Self.detailID(screen), "\(screen)")
        try pane.send("Escape")
        screen = pane.wait(for: "Acknowledged")
        let routed = screen.components(separatedBy: "\n").first { $0.contains("Routed ") }

        let holder = try LockHolder(store: store)
        defer { holder.release() }
        try pane.send("a")
        screen = pane.wait(for: "owner?")
        try pane.type("Mike Ross")
        try pane.send("Enter")
        screen = pane.wait(for: "Store busy: held by pid \(holder.process.processIdentifier) (dana: store-torture hold)", timeout: 10)
        #expect(screen.contains("Store busy: held by pid \(holder.process.processIdentifier) (dana: store-torture hold)"), "the reason is shown: \(screen)")
        #expect(!screen.contains("saving…"), "\(screen)")
        #expect(screen.components(separatedBy: "\n").first { $0.contains("Routed ") } == routed, "the card stayed where it was: \(screen)")
        #expect(try status(of: target, store: store)["status"] as? String == "routed")
        try pane.send("q")
        screen = pane.wait(for: "RESTORED")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
    }

    @Test func quittingWhileACommitWaitsWritesItAndSaysSo() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        try #require(FileManager.default.isExecutableFile(atPath: Self.torture))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let pane = try TmuxPane(width: 120, height: 40,
                                command: "sh -c 'ESCALATOR_NOW= ESCALATOR_LOCK_TIMEOUT=60 ESCALATOR_USER=lead \(Self.binary) board --store \(store); echo RESTORED rc=$?; sleep 30'")
        var screen = pane.wait(for: "● live", "Routed")
        try pane.send("g")
        try pane.send("Enter")
        screen = pane.wait(for: "Status           Routed")
        let target = try #require(Self.detailID(screen), "\(screen)")
        try pane.send("Escape")
        screen = pane.wait(for: "Acknowledged")

        let holder = try LockHolder(store: store)
        try pane.send("a")
        screen = pane.wait(for: "owner?")
        try pane.type("Mike Ross")
        try pane.send("Enter")
        screen = pane.wait(for: "saving… (waiting for")
        try pane.send("q")
        screen = pane.wait(for: "saving 1 change from the board")
        #expect(screen.contains("escalator: saving 1 change from the board"), "\(screen)")
        #expect(!screen.contains("RESTORED"), "the change is not dropped: the board waits for it")
        holder.release()
        screen = pane.wait(for: "RESTORED", timeout: 10)
        #expect(screen.contains("escalator: saved \(target): acknowledged, owner Mike Ross"), "\(screen)")
        #expect(screen.contains("RESTORED rc=0"), "\(screen)")
        #expect(try status(of: target, store: store)["owner"] as? String == "mike", "the demo roster's login for Mike Ross")
    }
}
