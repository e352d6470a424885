import Foundation

/// One run of one hook command, in its own process group. The timeout bounds everything: writing the
/// notification (a hook that never reads its standard input must not hold the command), the hook
/// itself, and whatever it started: the group is ended when the hook exits or times out, so no
/// background child outlives it (Foundation's `Process` would wait for a grandchild that keeps a descriptor).
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
        // Close-on-exec, so a hook started from another thread inherits neither end (the dup2 to 0 is kept).
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
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
        // Our end never blocks: the payload goes out as the hook takes it, between checks of the clock.
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        var feed = PayloadFeed(fd: fds[1], bytes: [UInt8](input))
        defer { feed.finish() }

        let deadline = Date().addingTimeInterval(timeout)
        while !Self.hasExited(pid) {
            if Date() >= deadline {
                let taken = feed.isDone ? "" : " before taking the whole notification"
                feed.finish()
                Self.end(group: pid)
                return .failed("timed out after \(Int(timeout)) s\(taken)")
            }
            feed.step(waitingAtMost: 10)
        }
        feed.finish()
        // The hook has exited but is not reaped yet, so its group id cannot be reused: whatever it left
        // running in the background is ended with it.
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        if exited { return code == 0 ? .delivered : .failed("exited with status \(code)") }
        return .failed("killed by signal \(status & 0x7f)")
    }

    /// True once the hook has exited; it stays a zombie (`WNOWAIT`) until `waitpid` reaps it.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 {
            guard errno == EINTR else { return true }
        }
        return info._sifields._sigchld.si_pid == pid
    }

    /// Ends a hook that ran out of time and everything in its group: asked first, then forced.
    private static func end(group pid: pid_t) {
        kill(-pid, SIGTERM)
        let grace = Date().addingTimeInterval(0.2)
        while !hasExited(pid), Date() < grace { usleep(10_000) }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

/// The notification on its way into a hook's standard input, through a non-blocking pipe.
private struct PayloadFeed {
    let fd: Int32
    let bytes: [UInt8]
    private var offset = 0
    private var closed = false

    init(fd: Int32, bytes: [UInt8]) {
        self.fd = fd
        self.bytes = bytes
        if bytes.isEmpty { finish() }
    }

    private var gaveUp = false

    /// True when every byte was written, or the hook closed its end (which is its right).
    var isDone: Bool { offset == bytes.count || gaveUp }

    /// Writes what the pipe takes, waiting for room at most `milliseconds`; just waits once all is written.
    mutating func step(waitingAtMost milliseconds: Int32) {
        guard !closed else {
            usleep(UInt32(milliseconds) * 1000)
            return
        }
        var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&ready, 1, milliseconds) > 0 else { return }
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n > 0 { offset += n; continue }
            if n < 0, errno == EAGAIN || errno == EINTR { return }
            // EPIPE: the hook closed its standard input without reading it all.
            gaveUp = true
            break
        }
        finish()
    }

    /// Closes our end (the hook then reads end-of-file); safe to call again.
    mutating func finish() {
        guard !closed else { return }
        closed = true
        close(fd)
    }
}
