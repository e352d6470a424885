import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 POST and its answer, blocking, on its own one-thread event loop: a hook command
/// posts once and exits, so nothing is shared or kept. Not URLSession: in the static binary that
/// would bring libcurl in as a dynamic dependency. `timeout` bounds everything — connecting, the
/// TLS handshake, sending, and the whole answer.
public struct HTTPPost: Sendable {
    public var endpoint: HTTPEndpoint
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var timeout: TimeInterval
    /// A PEM file of the certificates to trust instead of the system's (a private CA, a test's own).
    public var caFile: String?

    public init(to endpoint: HTTPEndpoint, headers: [(name: String, value: String)], body: [UInt8], timeout: TimeInterval, caFile: String? = nil) {
        self.endpoint = endpoint
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.caFile = caFile
    }

    /// The answer's status and body when it is 2xx; otherwise throws an `HTTPFailure`.
    public func send() throws -> HTTPAnswer {
        let answer = try exchange()
        guard (200..<300).contains(answer.status) else {
            throw HTTPFailure.status(endpoint.shown, code: answer.status, detail: answer.excerpt)
        }
        return answer
    }

    /// The answer, whatever its status.
    public func exchange() throws -> HTTPAnswer {
        let shown = endpoint.shown
        let tls: NIOSSLContext?
        if endpoint.secure {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile {
                guard FileManager.default.isReadableFile(atPath: caFile) else {
                    throw HTTPFailure.tls(shown, reason: "the CA file \(caFile) cannot be read")
                }
                configuration.trustRoots = .file(caFile)
            }
            do { tls = try NIOSSLContext(configuration: configuration) } catch {
                throw HTTPFailure.tls(shown, reason: caFile.map { "the CA file \($0) holds no usable certificate" } ?? "no trusted certificates")
            }
        } else {
            tls = nil
        }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let loop = group.next()
        let answer = loop.makePromise(of: HTTPAnswer.self)
        let milliseconds = Int64(max(0.001, timeout) * 1000)
        // One deadline for all of it, fired on the loop: the answer's promise fails and the channel closes.
        let timer = loop.scheduleTask(in: .milliseconds(milliseconds)) {
            answer.fail(HTTPFailure.timedOut(shown, seconds: timeout))
        }
        let serverName = endpoint.isIPAddress ? nil : endpoint.host
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.milliseconds(milliseconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls {
                        try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try pipeline.addHTTPClientHandlers()
                    try pipeline.addHandler(AnswerReader(answer: answer, shown: shown))
                }
            }
        let connecting = bootstrap.connect(host: endpoint.host, port: endpoint.port)
        connecting.whenFailure { error in answer.fail(Self.connectFailure(error, shown: shown, timeout: timeout)) }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: endpoint.target)
        head.headers.add(name: "Host", value: endpoint.hostHeader)
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "Connection", value: "close")
        let request = head
        let bytes = body
        connecting.whenSuccess { channel in
            channel.write(HTTPClientRequestPart.head(request), promise: nil)
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: bytes))), promise: nil)
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        }
        // Whatever ends the exchange also ends the connection.
        answer.futureResult.whenComplete { _ in
            timer.cancel()
            connecting.whenSuccess { $0.close(promise: nil) }
        }
        return try answer.futureResult.wait()
    }

    /// A failed connect as one of ours: NIO reports refusals per address tried.
    static func connectFailure(_ error: Error, shown: String, timeout: TimeInterval) -> HTTPFailure {
        if let failure = error as? HTTPFailure { return failure }
        if case ChannelError.connectTimeout = error { return .timedOut(shown, seconds: timeout) }
        if let many = error as? NIOConnectionError {
            if many.dnsAAAAError != nil && many.dnsAError != nil { return .unreachable(shown, reason: "the name does not resolve") }
            if let first = many.connectionErrors.first?.error { return connectFailure(first, shown: shown, timeout: timeout) }
            return .unreachable(shown, reason: "no address to connect to")
        }
        if let io = error as? IOError {
            return .unreachable(shown, reason: String(cString: strerror(io.errnoCode)).lowercased())
        }
        return .unreachable(shown, reason: "\(error)")
    }
}

/// A server's answer to a post.
public struct HTTPAnswer: Hashable, Sendable {
    public var status: Int
    public var body: String

    /// The body's first line, shortened: enough to say why ("invalid_payload", "Event object is invalid").
    public var excerpt: String {
        let line = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
}

/// Collects the answer's head and body and fulfils the promise at its end, or with the reason it broke.
private final class AnswerReader: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    let answer: EventLoopPromise<HTTPAnswer>
    let shown: String
    private var status: Int?
    private var body = ByteBuffer()
    // The most a delivery reads of an answer; the rest is not needed to say why.
    private let limit = 64 * 1024

    init(answer: EventLoopPromise<HTTPAnswer>, shown: String) {
        self.answer = answer
        self.shown = shown
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): status = Int(head.status.code)
        case .body(var part):
            if body.readableBytes < limit { body.writeBuffer(&part) }
        case .end:
            let text = body.readString(length: min(body.readableBytes, limit)) ?? ""
            answer.succeed(HTTPAnswer(status: status ?? 0, body: text))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        answer.fail(HTTPFailure.broken(shown, reason: status == nil ? "no answer" : "the answer was cut short"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if error is NIOSSLError || error is BoringSSLError {
            answer.fail(HTTPFailure.tls(shown, reason: Self.tlsReason(error)))
        } else if error is HTTPParserError {
            answer.fail(HTTPFailure.broken(shown, reason: "the answer is not HTTP"))
        } else {
            answer.fail(HTTPFailure.broken(shown, reason: "\(error)"))
        }
        context.close(promise: nil)
    }

    static func tlsReason(_ error: Error) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") { return "the certificate is not trusted" }
        if (error as? NIOSSLExtraError) == .failedToValidateHostname { return "the certificate is for another name" }
        if text.contains("WRONG_VERSION_NUMBER") { return "the server does not speak TLS" }
        return "the handshake was refused"
    }
}
