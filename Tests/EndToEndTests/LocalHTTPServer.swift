import Foundation

/// A real HTTP/1.1 server on 127.0.0.1 for the delivery tests: it records every request and answers
/// each with the next reply of its script (the last one repeats). Each connection has its own
/// thread, so a reply that never comes holds up nothing else.
final class LocalHTTPServer: @unchecked Sendable {
    struct Request {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        var body: Data

        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    enum Reply {
        case status(Int, String)
        /// Read the request, then say nothing for this long (a server that hangs).
        case silence(TimeInterval)
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var script: [Reply]
    private var received: [Request] = []
    var url: String { "http://127.0.0.1:\(port)" }

    init(_ script: [Reply]) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        listener = fd
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw CLI.Failed(message: "could not listen on 127.0.0.1") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// What was received so far, in order.
    var requests: [Request] { lock.withLock { received } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then let go).
    static func closedPort() throws -> Int {
        let server = try LocalHTTPServer([])
        server.stop()
        return server.port
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = read(connection) else { return }
        let reply: Reply? = lock.withLock {
            received.append(request)
            guard let next = script.first else { return nil }
            if script.count > 1 { script.removeFirst() }
            return next
        }
        switch reply {
        case .status(let code, let body)?:
            let text = "HTTP/1.1 \(code) Whatever\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            _ = text.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        case .silence(let seconds)?:
            Thread.sleep(forTimeInterval: seconds)
        case nil:
            break
        }
    }

    /// The head up to the blank line, then Content-Length bytes of body.
    private func read(_ connection: Int32) -> Request? {
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headEnd: Int?
        var bodyLength = 0
        while true {
            if let end = headEnd, bytes.count >= end + bodyLength { break }
            let n = recv(connection, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            bytes += buffer[0..<n]
            if headEnd == nil, let range = Data(bytes).range(of: Data("\r\n\r\n".utf8)) {
                headEnd = range.upperBound
                let head = String(decoding: bytes[0..<range.lowerBound], as: UTF8.self)
                for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    bodyLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        let end = headEnd!
        let lines = String(decoding: bytes[0..<(end - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let first = lines[0].split(separator: " ")
        guard first.count == 3 else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Request(method: String(first[0]), target: String(first[1]), headers: headers, body: Data(bytes[end..<(end + bodyLength)]))
    }
}
