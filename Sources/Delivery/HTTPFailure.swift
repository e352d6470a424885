/// Why a post did not get an answer, or got one that says no; `isTemporary` tells a hook whether
/// the outbox should try again (exit 75) or whether the same request will fail the same way.
public enum HTTPFailure: Error, Hashable, Sendable {
    /// No connection: refused, unreachable, or the name did not resolve.
    case unreachable(String, reason: String)
    case timedOut(String, seconds: Double)
    /// The TLS handshake failed: an untrusted or mismatched certificate, or no TLS at the other end.
    case tls(String, reason: String)
    /// The connection closed, or the answer was not HTTP.
    case broken(String, reason: String)
    /// An answer other than 2xx; `detail` is the start of its body, made safe by whoever prints it.
    case status(String, code: Int, detail: String)

    public var isTemporary: Bool {
        switch self {
        case .unreachable, .timedOut, .broken: true
        // A certificate does not fix itself; the configuration has to change.
        case .tls: false
        // Too many requests, and the server's own failures, pass; other refusals repeat.
        case .status(_, let code, _): code == 429 || code == 408 || code >= 500
        }
    }

    /// One sentence, naming the server by scheme, host and port only.
    public var sentence: String {
        switch self {
        case .unreachable(let at, let reason): "could not connect to \(at) (\(reason))"
        case .timedOut(let at, let seconds): "\(at) did not answer within \(Self.seconds(seconds))"
        case .tls(let at, let reason): "the TLS handshake with \(at) failed (\(reason))"
        case .broken(let at, let reason): "\(at) closed the connection without an answer (\(reason))"
        case .status(let at, let code, let detail): "\(at) answered HTTP \(code)" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
