import EscalationKit
import EscalationStore
import Foundation

/// Runs the configured hook commands after a change. A hook receives the notification as JSON on
/// standard input and in no other way: its command line is exactly what the configuration says and
/// its environment carries no escalation data. It runs with a timeout; a failure is reported on
/// standard error and recorded in `hooks.log` in the store, and never undoes the change.
struct Hooks {
    let policy: Policy
    let store: Store

    func notify(after event: Event, at now: Date) {
        guard let kind = NotificationKind(change: event.change), let e = store.ledger[event.escalation] else { return }
        deliver(kind, for: e, at: now)
    }

    /// Sends one notification to every hook configured for its kind.
    func deliver(_ kind: NotificationKind, for e: Escalation, at now: Date) {
        guard let commands = policy.hooks[kind.rawValue], !commands.isEmpty else { return }
        let message = NotificationMessage(kind.defaultTemplate, kind: kind, for: e, at: now, policy: policy)
        for command in commands {
            let outcome = HookRun(command: command, timeout: TimeInterval(policy.hookTimeoutSeconds)).run(input: message.payloadJSON)
            guard case .failed(let why) = outcome else { continue }
            let line = "\(ISOTime.format(now)) \(kind.rawValue) \(e.id) \(command): \(why)"
            FileHandle.standardError.write(Data("escalator: the \(kind.rawValue) hook failed (\(why)); the change itself is saved.\n".utf8))
            HookLog(directory: store.directory).append(line)
        }
    }
}

/// One run of one hook command.
struct HookRun {
    let command: String
    let timeout: TimeInterval

    enum Outcome: Equatable {
        case delivered
        case failed(String)
    }

    func run(input: Data) -> Outcome {
        let process = Process()
        // The command is a path plus fixed arguments from the configuration, split on spaces; no shell, no data in it.
        let words = command.split(separator: " ").map(String.init)
        guard let program = words.first else { return .failed("empty command") }
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(words.dropFirst())
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ESCALATOR_") }
        environment["ESCALATOR_HOOK"] = "1"
        process.environment = environment
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            return .failed("could not start: \(error.localizedDescription)")
        }
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 1) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
            return .failed("timed out after \(Int(timeout)) s")
        }
        return process.terminationStatus == 0 ? .delivered : .failed("exited with status \(process.terminationStatus)")
    }
}

/// `hooks.log` in the store: one line per failed delivery, appended.
struct HookLog {
    let directory: URL

    func append(_ line: String) {
        let path = directory.appendingPathComponent("hooks.log").path
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o640)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((SafeText.neutralized(line) + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
