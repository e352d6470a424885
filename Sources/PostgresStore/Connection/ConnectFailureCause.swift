#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

/// Why a connection to the server failed, as the end of a sentence a person reads ("nothing
/// listens there"), not the networking library's description of its own error values.
enum ConnectFailureCause {
    static func words(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let attempt = error.connectionErrors.first { return words(attempt.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name \(error.host) does not resolve" }
            return "no address of \(error.host) answered"
        case let error as IOError:
            return words(errno: error.errnoCode)
        case let error as ChannelError:
            if case .connectTimeout = error { return "no answer before the connect timeout" }
            return "the connection was cut (\(error))"
        default:
            return "the connection failed"
        }
    }

    static func words(errno code: CInt) -> String {
        switch code {
        case ECONNREFUSED: "nothing listens there (the server is down, or on another port)"
        case ENOENT: "there is no server socket there (the server is down, or its socket is elsewhere)"
        case EACCES, EPERM: "this user may not open the server's socket"
        case ETIMEDOUT: "no answer before the connect timeout"
        case EHOSTUNREACH, ENETUNREACH: "the host cannot be reached from here"
        case ECONNRESET: "the server reset the connection"
        default: String(cString: strerror(code))
        }
    }
}
