import Foundation
import Testing
import EscalationKit
import Board
@testable import Terminal

@Suite struct ActionQueueTests {
    @Test func aPushFromAnotherThreadWakesAPoll() throws {
        let queue = try ActionQueue()
        let pusher = Thread {
            Thread.sleep(forTimeInterval: 0.05)
            queue.push(.storeLost("watcher stopped"))
        }
        pusher.start()
        var fds = [pollfd(fd: queue.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 1, 5_000)
        #expect(ready == 1, "the loop must wake without a key or a tick")
        #expect(queue.drainWakeups() == nil, "a push is not a signal")
        let actions = queue.drain()
        #expect(actions.count == 1)
        if case .storeLost(let text) = actions.first { #expect(text == "watcher stopped") } else { Issue.record("wrong action") }
        #expect(queue.drain().isEmpty)
    }

    @Test func signalBytesAreReportedAsSignals() throws {
        let queue = try ActionQueue()
        var bytes: [UInt8] = [0, UInt8(SIGTERM)]
        _ = write(queue.writeEnd, &bytes, 2)
        #expect(queue.drainWakeups() == SIGTERM)
    }

    @Test func keysDecodeFromWideCharacters() {
        func key(_ value: UInt32) -> Key? {
            if case .key(let k) = KeyDecoder.character(value) { return k }
            return nil
        }
        #expect(key(27) == .escape)
        #expect(key(13) == .enter)
        #expect(key(127) == .backspace)
        #expect(key(21) == .control("u"))
        #expect(key(0x682A) == .character("株"))
        #expect(key(0xE9) == .character("é"))
    }
}

/// The mouse reports ncurses gives, as Board's keys.
@Suite struct MouseDecodingTests {
    @Test func pressesAndTheWheelBecomeMouseKeys() {
        func key(_ what: Int) -> Key? {
            if case .key(let k) = KeyDecoder.mouse(what: what, column: 7, row: 3) { return k }
            return nil
        }
        #expect(key(1) == .mouse(Mouse(.press, column: 7, row: 3)))
        #expect(key(4) == .mouse(Mouse(.wheelUp, column: 7, row: 3)))
        #expect(key(5) == .mouse(Mouse(.wheelDown, column: 7, row: 3)))
        #expect(key(0) == nil, "releases and motion are ignored")
    }
}
