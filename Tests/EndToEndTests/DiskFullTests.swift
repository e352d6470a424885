#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The store on a small tmpfs that keeps filling up: whatever a command says is what happened.
/// Every command that exits 0 left its change, every one that failed left none, no escalation is
/// archived twice, and `doctor` calls the store healthy once there is room again.
@Suite(.serialized) struct DiskFullTests {
    /// Runs a program, returning its exit status.
    @discardableResult
    private static func system(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Appends to `path` until the file system refuses (ENOSPC), or drops `bytes` from its end.
    private struct Filler {
        let path: String
        func fill() {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            defer { close(fd) }
            let block = [UInt8](repeating: 0x2e, count: 4096)
            while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
            // The last page of a file can still take a few bytes: those too.
            while block.withUnsafeBytes({ write(fd, $0.baseAddress, 1) }) > 0 {}
        }
        func free(_ bytes: Int) {
            var st = stat()
            guard stat(path, &st) == 0 else { return }
            _ = truncate(path, max(0, off_t(st.st_size) - off_t(bytes)))
        }
    }

    /// A reproducible sequence, so that a failure can be run again as it was.
    private struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private enum Step { case note(String), create, ack, start, resolve, close }

    @Test func everyReportedChangeIsThereAndNoFailedOneIs() throws {
        guard getuid() == 0 else {
            print("DiskFullTests skipped: mounting a tmpfs needs root (uid \(getuid())).")
            return
        }
        var cli = CLI()
        defer { cli.remove() }
        guard Self.system(["mount", "-t", "tmpfs", "-o", "size=320k,mode=0700", "tmpfs", cli.root.path]) == 0 else {
            print("DiskFullTests skipped: mount -t tmpfs failed here (no CAP_SYS_ADMIN?).")
            return
        }
        defer {
            if Self.system(["umount", cli.root.path]) != 0 { Self.system(["umount", "-l", cli.root.path]) }
        }
        // Nearly every write compacts, and closed escalations are archived 14 days after their close.
        cli.extraEnvironment["ESCALATOR_COMPACTION_THRESHOLD"] = "1500"
        #expect(try cli.run("init").code == 0)
        let filler = Filler(path: cli.root.appendingPathComponent("filler").path)
        let start = Date(timeIntervalSince1970: 1_767_258_000) // 2026-01-01T09:00:00Z
        var sequence = Sequence(state: 11)

        struct Record {
            var arguments: [String]
            var marker: String?
            var id: String?
            var step: Step
            var code: Int32
            var err: String
        }
        var records: [Record] = []
        // What the commands that succeeded made of each escalation, to choose the next step.
        var stage: [String: Int] = [:]
        var ids: [String] = []
        var markerNumber = 0
        for index in 0..<240 {
            if index % 3 == 0 {
                if sequence.next(3) == 0 { filler.free(1024 * (2 + sequence.next(24))) } else { filler.fill() }
            }
            let time = ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(index) * 4 * 3600))
            markerNumber += 1
            let marker = String(format: "mark%05dx", markerNumber)
            let open = ids.filter { (stage[$0] ?? 0) < 3 }
            let step: Step
            let arguments: [String]
            var target: String?
            switch (open.isEmpty || ids.count < 3) ? 0 : sequence.next(5) {
            case 0:
                step = .create
                arguments = ["new", "--account", "Acme Corp", "--title", "Title \(marker)", "--category", "product_defect", "--severity", "high"]
            case 1, 2:
                let id = open[sequence.next(open.count)]
                target = id
                step = .note(marker)
                arguments = ["update", id, "--note", "Note \(marker)"]
            default:
                let candidates = ids.filter { (stage[$0] ?? 0) < 4 }
                let id = candidates.isEmpty ? open[0] : candidates[sequence.next(candidates.count)]
                target = id
                switch stage[id] ?? 0 {
                case 0: step = .ack; arguments = ["ack", id, "--owner", "Owner \(marker)"]
                case 1: step = .start; arguments = ["start", id]
                case 2: step = .resolve; arguments = ["resolve", id, "--resolution", "Fixed \(marker)"]
                default: step = .close; arguments = ["close", id]
                }
            }
            let r = try cli.run(arguments, at: time)
            var record = Record(arguments: arguments, marker: marker, id: target, step: step, code: r.code, err: r.err)
            if r.code == 0 {
                switch step {
                case .create:
                    let id = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
                    ids.append(id)
                    record.id = id
                case .ack, .start, .resolve, .close: stage[target!, default: 0] += 1
                case .note: break
                }
            }
            if case .start = step { record.marker = nil }
            if case .close = step { record.marker = nil }
            records.append(record)
        }
        try? FileManager.default.removeItem(atPath: filler.path)

        // With room again: what is in the store, archive included.
        let export = try cli.run("export")
        try #require(export.code == 0, "\(export.err)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [String: Any])
        let escalations = try #require(document["escalations"] as? [[String: Any]])
        var status: [String: String] = [:]
        for e in escalations { status[e["id"] as? String ?? ""] = e["status"] as? String }

        var succeeded = 0, failed = 0, postponed = 0, refused = 0
        for record in records {
            let what = "\(record.arguments.joined(separator: " ")) → \(record.code): \(record.err)"
            if record.code == 0 {
                succeeded += 1
                if record.err.contains("saved; compaction postponed: ") {
                    postponed += 1
                    #expect(record.err.contains("No space left on device"), "the true cause: \(what)")
                }
                if let marker = record.marker { #expect(export.out.contains(marker), "exit 0, yet its change is missing: \(what)") }
                if case .close = record.step { #expect(status[record.id ?? ""] == "closed", "exit 0, yet not closed: \(what)") }
            } else if record.code == 65 {
                // The lifecycle's refusal (a start while the escalation counts as stalled): nothing changed.
                refused += 1
                #expect(!record.err.contains("No space left"), "\(what)")
                if let marker = record.marker { #expect(!export.out.contains(marker), "refused, yet its change is there: \(what)") }
            } else {
                failed += 1
                #expect(record.code == 74, "\(what)")
                #expect(record.err.contains("No space left on device"), "the true cause: \(what)")
                #expect(!record.err.contains("No such file or directory") && !record.err.contains("Inappropriate ioctl"), "\(what)")
                if let marker = record.marker { #expect(!export.out.contains(marker), "it failed, yet its change is there: \(what)") }
            }
        }
        // Every close that succeeded is the only way an escalation got closed.
        let closes = Set(records.filter { if case .close = $0.step { $0.code == 0 } else { false } }.compactMap(\.id))
        #expect(Set(status.filter { $0.value == "closed" }.keys) == closes)

        let archive = (try? String(contentsOf: cli.store.appendingPathComponent("archive.jsonl"), encoding: .utf8)) ?? ""
        let archivedIDs = archive.split(separator: "\n").dropFirst().compactMap { line -> String? in
            guard let range = line.range(of: #""id":"ESC-\d{4}-\d{4}"\}\}$"#, options: .regularExpression) else { return nil }
            return String(line[range].dropFirst(6).prefix(13))
        }
        #expect(Set(archivedIDs).count == archivedIDs.count, "an escalation archived twice: \(archivedIDs)")
        let doctor = try cli.run("doctor")
        #expect(doctor.code == 0, "\(doctor.out)\(doctor.err)")
        #expect(doctor.out.hasPrefix("The store is healthy."), "\(doctor.out)")

        print("DiskFullTests: \(records.count) commands, \(succeeded) exited 0 (every change present, \(postponed) with a postponed compaction), \(failed) failed with exit 74 (no change present), \(refused) refused by the lifecycle; \(archivedIDs.count) escalations archived once each")
        #expect(succeeded > 40 && failed > 20 && postponed > 0, "the run did not exercise both sides: \(succeeded) ok, \(failed) failed, \(postponed) postponed")
        #expect(archivedIDs.count > 0, "nothing was archived: the archive path was not exercised")
    }
}
