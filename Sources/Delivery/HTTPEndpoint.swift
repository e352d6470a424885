import Foundation

/// Where a delivery posts: an http or https URL taken apart for the client. Its path and query
/// (a Slack webhook's secret) are never shown: `shown` names only the scheme, host and port.
public struct HTTPEndpoint: Hashable, Sendable {
    public var secure: Bool
    public var host: String
    public var port: Int
    /// The request target: path and query, "/" at least.
    public var target: String

    /// Nil for anything but an absolute http or https URL with a host.
    public init?(_ text: String) {
        let trimmed = text.trimmed
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty,
              parts.user == nil, parts.password == nil,
              !trimmed.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7f } == true })
        else { return nil }
        secure = scheme == "https"
        // URLComponents keeps an IPv6 literal's brackets; the resolver wants it bare.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = parts.port ?? (secure ? 443 : 80)
        let path = parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath
        target = path + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// "https://hooks.slack.com": what an error may say (the path may be the secret).
    public var shown: String {
        let scheme = secure ? "https" : "http"
        let standard = port == (secure ? 443 : 80)
        let name = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(name)" + (standard ? "" : ":\(port)")
    }

    /// The Host header's value.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// An IP literal gets no server name indication (RFC 6066 forbids it).
    var isIPAddress: Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
