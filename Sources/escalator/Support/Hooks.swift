import EscalationKit
import EscalationStore
import Foundation

/// Runs the configured hook commands after a change. A hook receives the notification as JSON on
/// standard input and in no other way: its command line is exactly what the configuration says and
/// its environment carries no escalation data. It runs with a timeout; a failure is reported on
/// standard error and recorded in `hooks.log` in the store, and never undoes the change.
struct Hooks: Sendable {
    let policy: Policy
    let store: Store
    /// Log failures to hooks.log only, not to standard error (the board owns the screen).
    var quiet = false

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
            if !quiet {
                FileHandle.standardError.write(Data("escalator: the \(kind.rawValue) hook failed (\(why)); the change itself is saved.\n".utf8))
            }
            do { try HookLog(directory: store.directory, limit: policy.hookLogLimitKilobytes * 1024).append(line) } catch {
                if !quiet { FileHandle.standardError.write(Data("escalator: \(SafeText.neutralized(error.description)); the hook failure above is not in hooks.log.\n".utf8)) }
            }
        }
    }
}

/// One run of one hook command, in its own process group so that a timeout ends the hook and
/// everything it started (Foundation's `Process` would wait for a grandchild that keeps a descriptor).
struct HookRun {
    let command: String
    let timeout: TimeInterval

    enum Outcome: Equatable {
        case delivered
        case failed(String)
    }

    func run(input: Data) -> Outcome {
        // The command is a path plus fixed arguments from the configuration, split on spaces; no shell, no data in it.
        let words = command.split(separator: " ").map(String.init)
        guard let program = words.first else { return .failed("empty command") }
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ESCALATOR_") }
        environment["ESCALATOR_HOOK"] = "1"

        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .failed("could not make a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return .failed("could not start: \(String(cString: strerror(spawned)))")
        }
        signal(SIGPIPE, SIG_IGN)
        input.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fds[1], buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        close(fds[1])

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(-pid, SIGTERM)
                usleep(200_000)
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                return .failed("timed out after \(Int(timeout)) s")
            }
            usleep(10_000)
        }
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        if exited { return code == 0 ? .delivered : .failed("exited with status \(code)") }
        return .failed("killed by signal \(status & 0x7f)")
    }
}
