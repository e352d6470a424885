#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation
import Testing
@testable import EscalationStore
import Invocation

/// What someone other than Escalator leaves in a store is reported, never followed or written
/// through; files that steer the process are read only when trusted; every event says who wrote it.
@Suite struct UnsafeFileTests {
    @Test func aLinkPlantedAsTheLockIsReportedAndItsTargetUntouched() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let victim = scratch.root.appendingPathComponent("victim").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        chmod(victim, 0o644)
        let lock = scratch.store.appendingPathComponent("lock").path
        unlink(lock)
        symlink(victim, lock)
        let fresh = try Store.open(at: scratch.store, policy: .standard)
        #expect { try fresh.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()) } throws: { error in
            guard case StoreError.io(let path, let reason) = error else { return false }
            return path.hasSuffix("/lock") && reason.contains("symbolic link")
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(FileFacts.mode(victim).map { $0 & 0o777 } == 0o644)
        #expect(store.ledger.lastSequence == 0)
    }

    @Test func aFileOfTheWrongKindIsReported() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        _ = try Store.create(at: scratch.store, policy: .standard)
        let lock = scratch.store.appendingPathComponent("lock").path
        unlink(lock)
        mkfifo(lock, 0o600)
        let store = try Store.open(at: scratch.store, policy: .standard)
        #expect { try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context()) } throws: { error in
            guard case StoreError.io(_, let reason) = error else { return false }
            return reason.hasPrefix("is a FIFO, not a regular file")
        }
    }

    @Test func tempFilesGetNewUnpredictableNamesSoAPlantedLinkIsNeverWrittenThrough() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let victim = scratch.root.appendingPathComponent("victim").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        // The names the old scheme used (name.tmp-PID) are taken by links: the write goes around them.
        let accounts = scratch.store.appendingPathComponent("accounts.json").path
        symlink(victim, accounts + ".tmp-\(getpid())")
        try store.saveAccounts([Account(name: "Globex", arr: Money(9_000))])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try AccountBook(directory: scratch.store).all().map(\.name) == ["Globex"])
        #expect(AtomicFile.randomSuffix() != AtomicFile.randomSuffix())
    }

    @Test func aQuarantineFolderReplacedByALinkIsReported() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        _ = try Store.create(at: scratch.store, policy: .standard)
        let elsewhere = scratch.root.appendingPathComponent("elsewhere").path
        mkdir(elsewhere, 0o700)
        let quarantine = scratch.store.appendingPathComponent("quarantine").path
        rmdir(quarantine)
        symlink(elsewhere, quarantine)
        let layout = StoreLayout(scratch.store)
        #expect { try layout.ensureDirectory(layout.quarantine) } throws: { error in
            guard case StoreError.io(let path, let reason) = error else { return false }
            return path == layout.quarantine && reason.contains("symbolic link")
        }
        #expect { try AtomicFile.write([1, 2, 3], to: layout.quarantine + "/x.torn", mode: 0o600) } throws: { _ in true }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test func theOwnerRuleNamesOwnerModeAndWhatToRun() {
        let notMine = TrustedFile.refusal(path: "/s/escalator.toml", owner: 4_000_000, mode: 0o100644, storeOwner: 4_000_001)
        #expect(notMine?.contains("uid 4000000 (mode 0644)") == true)
        #expect(notMine?.contains("cp /s/escalator.toml") == true)
        #expect(TrustedFile.refusal(path: "/s/x", owner: getuid(), mode: 0o100600, storeOwner: nil) == nil)
        #expect(TrustedFile.refusal(path: "/s/x", owner: 0, mode: 0o100644, storeOwner: nil) == nil)
        #expect(TrustedFile.refusal(path: "/s/x", owner: 4_000_001, mode: 0o100640, storeOwner: 4_000_001) == nil)
        #expect(TrustedFile.refusal(path: "/s/x", owner: getuid(), mode: 0o100646, storeOwner: nil)?.contains("writable by everyone") == true)
    }

    @Test func everyEventRecordsTheProcessLoginBesideTheActor() throws {
        let scratch = Scratch(); defer { scratch.remove() }
        let store = try Store.create(at: scratch.store, policy: .standard)
        let event = try store.commit(.create(Scratch.draft()), on: nil, context: Scratch.context("someone-else"))
        #expect(event.actor == "someone-else")
        #expect(event.login == Context.processLogin)
        let again = try Store.open(at: scratch.store, policy: .standard)
        let entry = try #require(again.ledger[event.escalation]?.history.first)
        #expect(entry.login == Context.processLogin)
        #expect(entry.who == "someone-else (by \(Context.processLogin))")
        try again.compact()
        let compacted = try Store.open(at: scratch.store, policy: .standard)
        #expect(compacted.ledger[event.escalation]?.history.first?.login == Context.processLogin)
        // An entry from before logins were recorded reads as before.
        #expect(HistoryEntry(sequence: 1, time: Scratch.t0, actor: "alice", change: .started).who == "alice")
        #expect(HistoryEntry(sequence: 1, time: Scratch.t0, actor: "alice", change: .started, login: "alice").who == "alice")
    }

    @Test func withoutUserVariablesTheActorIsThePasswordDatabaseLogin() throws {
        let context = try Context.fromEnvironment([:])
        #expect(context.actor == Context.processLogin)
        #expect(context.actor != "unknown")
        #expect(try Context.fromEnvironment(["ESCALATOR_USER": "", "USER": "carla"]).actor == "carla")
    }
}
