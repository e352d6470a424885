#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import escalator

/// The demo's progress bar moves on a real terminal (a pseudo-terminal here) and writes nothing
/// anywhere else.
@Suite struct ProgressBarTests {
    @Test func onATerminalTheBarMovesAndEnds() throws {
        let terminal = try PseudoTerminal()
        let bar = ProgressBar(total: 1_000, label: "writing", output: terminal.follower, minimumTotal: 100)
        #expect(bar.visible)
        for done in stride(from: 0, through: 1_000, by: 10) { bar.update(done) }
        bar.finishing("compacting")
        bar.finish()
        let shown = terminal.drain()
        // Every percent drawn once, from 0 to 100, then the note and the end of the line.
        #expect(shown.components(separatedBy: "\rwriting ").count - 1 == 101 + 2)
        #expect(shown.contains(" 500/1000"))
        #expect(shown.contains("compacting"))
        #expect(shown.hasSuffix(" s\r\n") || shown.hasSuffix(" s\n"))
    }

    @Test func onAPipeNothingIsWritten() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bar = ProgressBar(total: 1_000, label: "writing", output: ends[1], minimumTotal: 100)
        #expect(!bar.visible)
        for done in stride(from: 0, through: 1_000, by: 10) { bar.update(done) }
        bar.finishing("compacting")
        bar.finish()
        close(ends[1])
        let written = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false).readDataToEndOfFile()
        #expect(written.isEmpty)
    }

    @Test func smallWorkDrawsNothingEvenOnATerminal() throws {
        let terminal = try PseudoTerminal()
        let bar = ProgressBar(total: 99, label: "writing", output: terminal.follower, minimumTotal: 100)
        bar.update(50)
        bar.finish()
        #expect(!bar.visible)
        #expect(terminal.drain().isEmpty)
    }
}

/// A pseudo-terminal pair: what is written to `follower` is read back from the leader side.
final class PseudoTerminal {
    let leader: Int32
    let follower: Int32

    struct Unavailable: Error {}

    init() throws {
        // Linux's /dev/ptmx, unlocked and named with the ioctls posix_openpt's helpers use
        // (TIOCSPTLCK and TIOCGPTN: function-like macros, so spelled out here).
        leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard leader >= 0, ioctl(leader, 0x4004_5431, &unlock) == 0, ioctl(leader, 0x8004_5430, &number) == 0 else { throw Unavailable() }
        follower = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard follower >= 0 else { throw Unavailable() }
        _ = fcntl(leader, F_SETFL, fcntl(leader, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(follower)
        close(leader)
    }

    /// Everything written so far.
    func drain() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(leader, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
